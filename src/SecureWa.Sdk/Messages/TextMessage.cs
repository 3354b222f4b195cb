namespace SecureWa.Sdk.Messages;

/// <summary>A text message (<c>"type":"text"</c>).</summary>
/// <example><code>new TextMessage("+16505551234", "Your order has shipped.") { PreviewUrl = true }</code></example>
public sealed class TextMessage : WhatsAppMessage
{
    /// <summary>Creates a text message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The text, 1 to 4096 characters; may contain URLs and WhatsApp formatting.</param>
    public TextMessage(string to, string body)
        : base(to)
    {
        Body = body;
    }

    /// <summary>The text, 1 to 4096 characters.</summary>
    public string Body { get; }

    /// <summary>Whether WhatsApp renders a preview of the first URL in <see cref="Body"/> (<c>preview_url</c>).</summary>
    public bool PreviewUrl { get; init; }

    /// <inheritdoc />
    public override string MessageType => "text";
}
