namespace SecureWa.Sdk.Templates;

/// <summary>
/// A component of a template being created or edited: <see cref="TemplateHeaderDefinition"/>,
/// <see cref="TemplateBodyDefinition"/>, <see cref="TemplateFooterDefinition"/>, <see cref="TemplateButtonsDefinition"/>,
/// <see cref="TemplateCarouselDefinition"/> or <see cref="TemplateLimitedTimeOfferDefinition"/>.
/// </summary>
public abstract class TemplateDefinitionComponent
{
    /// <summary>Only the SDK's component types derive from this class.</summary>
    private protected TemplateDefinitionComponent()
    {
    }

    /// <summary>The wire type, such as <c>HEADER</c>.</summary>
    public abstract string Type { get; }

    /// <summary>A description: the wire type.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Type;
}
