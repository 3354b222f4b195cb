namespace SecureWa.Sdk.Templates;

/// <summary>A quick reply button (<c>QUICK_REPLY</c>); its payload is given when the template is sent.</summary>
/// <param name="text">The label (at most 25 characters).</param>
public sealed class TemplateQuickReplyButton(string text) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "QUICK_REPLY";
}
