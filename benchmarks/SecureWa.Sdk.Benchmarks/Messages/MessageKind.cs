namespace SecureWa.Sdk.Benchmarks.Messages;

/// <summary>The message kinds the serialization benchmark covers.</summary>
public enum MessageKind
{
    Text,
    Template,
    ImageLink,
    Location,
    Contacts,
    Buttons,
    List,
    CtaUrl,
    Flow,
    Reaction,
}
