namespace SecureWa.Sdk.Templates;

/// <summary>The button of a multi-product message template (<c>MPM</c>); the products are given when the template is sent.</summary>
/// <param name="text">The label, such as <c>View items</c> (at most 25 characters).</param>
public sealed class TemplateMultiProductButton(string text) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "MPM";
}
