namespace SecureWa.Sdk.Webhooks;

/// <summary>The type of an inbound message, from <see cref="WebhookMessage.Type"/>.</summary>
public enum WebhookMessageKind
{
    /// <summary>A type this SDK does not model; its content is in <see cref="WebhookMessage.AdditionalProperties"/>.</summary>
    Unknown = 0,

    /// <summary>A text message.</summary>
    Text,

    /// <summary>An image.</summary>
    Image,

    /// <summary>An audio file or voice note.</summary>
    Audio,

    /// <summary>A video.</summary>
    Video,

    /// <summary>A document.</summary>
    Document,

    /// <summary>A sticker.</summary>
    Sticker,

    /// <summary>A location.</summary>
    Location,

    /// <summary>Shared contact cards.</summary>
    Contacts,

    /// <summary>A reply to an interactive message (button, list, flow).</summary>
    Interactive,

    /// <summary>A tapped template quick-reply button.</summary>
    Button,

    /// <summary>A reaction.</summary>
    Reaction,

    /// <summary>An order.</summary>
    Order,

    /// <summary>A system event (number change, identity change).</summary>
    System,

    /// <summary>A message type WhatsApp does not support on the Cloud API; see <see cref="WebhookMessage.Errors"/>.</summary>
    Unsupported,
}
