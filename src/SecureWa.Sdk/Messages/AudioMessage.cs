namespace SecureWa.Sdk.Messages;

/// <summary>An audio message (<c>"type":"audio"</c>), by uploaded media id or https link.</summary>
public sealed class AudioMessage : MediaMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="media">The audio: <see cref="MediaSource.FromId"/> or <see cref="MediaSource.FromLink(Uri)"/>.</param>
    public AudioMessage(string to, MediaSource media)
        : base(to, media)
    {
    }

    /// <inheritdoc />
    public override string MessageType => "audio";
}
