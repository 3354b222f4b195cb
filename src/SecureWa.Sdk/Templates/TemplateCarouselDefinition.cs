namespace SecureWa.Sdk.Templates;

/// <summary>The cards of a carousel template (<c>{"type":"CAROUSEL","cards":[…]}</c>): 1 to 10 cards with headers of one format.</summary>
/// <param name="cards">The cards, in display order.</param>
public sealed class TemplateCarouselDefinition(params IReadOnlyList<TemplateCarouselCard> cards) : TemplateDefinitionComponent
{
    /// <inheritdoc />
    public override string Type => "CAROUSEL";

    /// <summary>The cards, in display order.</summary>
    public IReadOnlyList<TemplateCarouselCard> Cards { get; } = cards ?? [];
}
