namespace SecureWa.Sdk.Messages;

/// <summary>A video message (<c>"type":"video"</c>), by uploaded media id or https link.</summary>
public sealed class VideoMessage : MediaMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="media">The video: <see cref="MediaSource.FromId"/> or <see cref="MediaSource.FromLink(Uri)"/>.</param>
    public VideoMessage(string to, MediaSource media)
        : base(to, media)
    {
    }

    /// <summary>An optional caption, at most 1024 characters.</summary>
    public string? Caption { get; init; }

    /// <inheritdoc />
    public override string MessageType => "video";
}
