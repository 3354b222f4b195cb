namespace SecureWa.Sdk.Messages;

/// <summary>
/// One card of a carousel template (<c>cards[]</c> of a <see cref="TemplateComponentType.Carousel"/> component):
/// its position and the values of its components. Every card needs a header with an image or video parameter (media
/// card carousel) or a product parameter (product card carousel); body and buttons are as in the approved template.
/// </summary>
public sealed class TemplateCarouselCard
{
    /// <summary>Creates a card.</summary>
    /// <param name="cardIndex">The zero-based position of the card (<c>card_index</c>), 0 to 9.</param>
    /// <param name="components">The values of the card's header, body and buttons.</param>
    public TemplateCarouselCard(int cardIndex, params TemplateComponent[] components)
    {
        CardIndex = cardIndex;
        Components = components?.ToArray() ?? [];
    }

    /// <summary>The card's position (<c>card_index</c>).</summary>
    public int CardIndex { get; }

    /// <summary>The card's components (<c>components</c>).</summary>
    public IReadOnlyList<TemplateComponent> Components { get; }
}
