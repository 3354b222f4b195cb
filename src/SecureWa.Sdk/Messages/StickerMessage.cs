namespace SecureWa.Sdk.Messages;

/// <summary>A sticker message (<c>"type":"sticker"</c>), by uploaded media id or https link.</summary>
public sealed class StickerMessage : MediaMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="media">The sticker: <see cref="MediaSource.FromId"/> or <see cref="MediaSource.FromLink(Uri)"/>.</param>
    public StickerMessage(string to, MediaSource media)
        : base(to, media)
    {
    }

    /// <inheritdoc />
    public override string MessageType => "sticker";
}
