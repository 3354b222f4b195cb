namespace SecureWa.Sdk.Messages;

/// <summary>
/// The base of the interactive messages (<c>"type":"interactive"</c>): reply buttons, list, cta_url, flow, catalog,
/// product, product list, location request, address, order details, order status and call permission request.
/// Each has a body (at most 1024 characters; optional for a single product), an optional header (required for a
/// product list; not allowed for some kinds) and an optional footer (at most 60 characters).
/// </summary>
public abstract class InteractiveMessage : WhatsAppMessage
{
    private protected InteractiveMessage(string to, string body)
        : base(to)
    {
        Body = body;
    }

    /// <summary>The body text (<c>interactive.body.text</c>), 1 to 1024 characters; empty (and not sent) only where the kind allows no body.</summary>
    public string Body { get; }

    /// <summary>An optional header (<c>interactive.header</c>).</summary>
    public InteractiveHeader? Header { get; init; }

    /// <summary>An optional footer (<c>interactive.footer.text</c>), at most 60 characters.</summary>
    public string? Footer { get; init; }

    /// <summary>The interactive kind (<c>interactive.type</c>): <c>button</c>, <c>list</c>, <c>cta_url</c>, <c>flow</c>, <c>product_list</c>, …</summary>
    public abstract string InteractiveType { get; }

    /// <inheritdoc />
    public sealed override string MessageType => "interactive";
}
