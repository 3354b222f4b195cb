namespace SecureWa.Sdk.Messages;

/// <summary>An image message (<c>"type":"image"</c>), by uploaded media id or https link.</summary>
public sealed class ImageMessage : MediaMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="media">The image: <see cref="MediaSource.FromId"/> or <see cref="MediaSource.FromLink(Uri)"/>.</param>
    public ImageMessage(string to, MediaSource media)
        : base(to, media)
    {
    }

    /// <summary>An optional caption, at most 1024 characters.</summary>
    public string? Caption { get; init; }

    /// <inheritdoc />
    public override string MessageType => "image";
}
