namespace SecureWa.Sdk.Templates;

/// <summary>A card of a carousel template: an image or video header, an optional body (at most 160 characters), and 1 or 2 buttons.</summary>
/// <param name="header">The card's header: <see cref="TemplateHeaderDefinition.Image"/> or <see cref="TemplateHeaderDefinition.Video"/>.</param>
/// <param name="body">The card's body, or <see langword="null"/>.</param>
/// <param name="buttons">The card's buttons (quick reply, URL or phone number).</param>
public sealed class TemplateCarouselCard(TemplateHeaderDefinition header, TemplateBodyDefinition? body, params IReadOnlyList<TemplateButtonDefinition> buttons)
{
    /// <summary>The card's header.</summary>
    public TemplateHeaderDefinition Header { get; } = header;

    /// <summary>The card's body, or <see langword="null"/>.</summary>
    public TemplateBodyDefinition? Body { get; } = body;

    /// <summary>The card's buttons.</summary>
    public IReadOnlyList<TemplateButtonDefinition> Buttons { get; } = buttons ?? [];
}
