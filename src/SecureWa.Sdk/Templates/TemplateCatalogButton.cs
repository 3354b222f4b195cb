namespace SecureWa.Sdk.Templates;

/// <summary>A button that opens the business's catalog (<c>CATALOG</c>); the template needs a connected catalog.</summary>
/// <param name="text">The label, such as <c>View catalog</c> (at most 25 characters).</param>
public sealed class TemplateCatalogButton(string text) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "CATALOG";
}
