namespace SecureWa.Sdk.Messages;

/// <summary>
/// A pre-approved message template (<c>"type":"template"</c>), the only kind that may open a conversation
/// outside the 24-hour customer service window.
/// </summary>
/// <example>
/// <code>
/// new TemplateMessage("+16505551234", "order_shipped", "en_US")
/// {
///     Components =
///     [
///         TemplateComponent.Body(TemplateParameter.Text("Ana"), TemplateParameter.Text("#1234")),
///         TemplateComponent.UrlButton(0, "orders/1234"),
///     ],
/// }
/// </code>
/// </example>
public sealed class TemplateMessage : WhatsAppMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="name">The template name: lowercase letters, digits and underscores, at most 512 characters.</param>
    /// <param name="languageCode">The language and locale of the approved template, such as <c>en_US</c>.</param>
    public TemplateMessage(string to, string name, string languageCode)
        : base(to)
    {
        Name = name;
        LanguageCode = languageCode;
    }

    /// <summary>The template name (<c>template.name</c>).</summary>
    public string Name { get; }

    /// <summary>The language code (<c>template.language.code</c>).</summary>
    public string LanguageCode { get; }

    /// <summary>
    /// Sends <c>template.language.policy</c> = <c>deterministic</c>: the template is delivered only in
    /// <see cref="LanguageCode"/>. Off by default (no policy is sent).
    /// </summary>
    public bool DeterministicLanguagePolicy { get; init; }

    /// <summary>The parameter values for the template's header, body and buttons (<c>template.components</c>).</summary>
    public IReadOnlyList<TemplateComponent> Components { get; init; } = [];

    /// <summary>
    /// The template's category as Meta approved it (<see cref="TemplateCategory"/>), for the consent policy; not sent on
    /// the wire. When <see langword="null"/>, the policy asks the registered template-category resolver and otherwise
    /// treats the template as marketing (fail closed).
    /// </summary>
    public string? Category { get; init; }

    /// <inheritdoc />
    public override string MessageType => "template";

    /// <summary>
    /// An authentication template carrying a one-time password (copy code or one-tap autofill button): the code is
    /// the body's only parameter and the parameter of the url button at index 0, as Cloud API expects.
    /// </summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="name">The authentication template's name.</param>
    /// <param name="languageCode">The language and locale of the approved template.</param>
    /// <param name="code">The one-time password, at most 15 characters. It is a secret: the SDK never logs it.</param>
    /// <returns>The message.</returns>
    public static TemplateMessage ForOneTimePassword(string to, string name, string languageCode, string code)
        => new(to, name, languageCode)
        {
            Components = [TemplateComponent.Body(TemplateParameter.Text(code)), TemplateComponent.OneTimePasswordButton(code)],
        };
}
