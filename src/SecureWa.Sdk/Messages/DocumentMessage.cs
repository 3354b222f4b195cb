namespace SecureWa.Sdk.Messages;

/// <summary>A document message (<c>"type":"document"</c>), by uploaded media id or https link.</summary>
public sealed class DocumentMessage : MediaMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="media">The document: <see cref="MediaSource.FromId"/> or <see cref="MediaSource.FromLink(Uri)"/>.</param>
    public DocumentMessage(string to, MediaSource media)
        : base(to, media)
    {
    }

    /// <summary>An optional caption, at most 1024 characters.</summary>
    public string? Caption { get; init; }

    /// <summary>The file name shown to the recipient (its extension decides the icon).</summary>
    public string? Filename { get; init; }

    /// <inheritdoc />
    public override string MessageType => "document";
}
