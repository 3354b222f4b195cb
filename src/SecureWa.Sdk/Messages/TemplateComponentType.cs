namespace SecureWa.Sdk.Messages;

/// <summary>The <c>type</c> of a <see cref="TemplateComponent"/>.</summary>
public enum TemplateComponentType
{
    /// <summary><c>header</c>.</summary>
    Header = 0,

    /// <summary><c>body</c>.</summary>
    Body,

    /// <summary><c>button</c>.</summary>
    Button,

    /// <summary><c>carousel</c>: the cards of a media or product card carousel template (<see cref="TemplateComponent.Cards"/>).</summary>
    Carousel,

    /// <summary><c>limited_time_offer</c>: the expiration of a limited-time offer template.</summary>
    LimitedTimeOffer,
}
