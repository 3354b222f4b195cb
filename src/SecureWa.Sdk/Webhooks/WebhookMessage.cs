using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>An inbound message from a WhatsApp user. The object named by <see cref="Type"/> carries the content; for kinds this SDK does not model it is in <see cref="AdditionalProperties"/> as raw JSON.</summary>
public sealed class WebhookMessage
{
    private readonly IReadOnlyList<WebhookError>? _errors;
    private readonly IReadOnlyList<WebhookSharedContact>? _contacts;

    /// <summary>The sender's WhatsApp id (personal data).</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>The recipient's WhatsApp id (personal data); set on message echoes (<see cref="WebhookChangeValue.MessageEchoes"/>), where the business is the sender.</summary>
    [JsonPropertyName("to")]
    public string? To { get; init; }

    /// <summary>The message id (<c>wamid…</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>When the message was sent.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The message type as Meta sent it (see <see cref="Kind"/>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>What the message replies to.</summary>
    [JsonPropertyName("context")]
    public WebhookMessageContext? Context { get; init; }

    /// <summary>The ad or post the user came from.</summary>
    [JsonPropertyName("referral")]
    public WebhookReferral? Referral { get; init; }

    /// <summary>Why the message could not be processed (for <c>unsupported</c> or <c>unknown</c> messages). Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<WebhookError> Errors
    {
        get => _errors ?? [];
        init => _errors = value;
    }

    /// <summary>Text content.</summary>
    [JsonPropertyName("text")]
    public WebhookText? Text { get; init; }

    /// <summary>Image content.</summary>
    [JsonPropertyName("image")]
    public WebhookMedia? Image { get; init; }

    /// <summary>Audio content.</summary>
    [JsonPropertyName("audio")]
    public WebhookMedia? Audio { get; init; }

    /// <summary>Video content.</summary>
    [JsonPropertyName("video")]
    public WebhookMedia? Video { get; init; }

    /// <summary>Document content.</summary>
    [JsonPropertyName("document")]
    public WebhookMedia? Document { get; init; }

    /// <summary>Sticker content.</summary>
    [JsonPropertyName("sticker")]
    public WebhookMedia? Sticker { get; init; }

    /// <summary>Location content.</summary>
    [JsonPropertyName("location")]
    public WebhookLocation? Location { get; init; }

    /// <summary>Shared contact cards. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<WebhookSharedContact> Contacts
    {
        get => _contacts ?? [];
        init => _contacts = value;
    }

    /// <summary>A reply to an interactive message.</summary>
    [JsonPropertyName("interactive")]
    public WebhookInteractive? Interactive { get; init; }

    /// <summary>A tapped template quick-reply button.</summary>
    [JsonPropertyName("button")]
    public WebhookButton? Button { get; init; }

    /// <summary>A reaction.</summary>
    [JsonPropertyName("reaction")]
    public WebhookReaction? Reaction { get; init; }

    /// <summary>An order.</summary>
    [JsonPropertyName("order")]
    public WebhookOrder? Order { get; init; }

    /// <summary>A system event.</summary>
    [JsonPropertyName("system")]
    public WebhookSystem? System { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary><see cref="Type"/> as an enum; <see cref="WebhookMessageKind.Unknown"/> for types this SDK does not model.</summary>
    [JsonIgnore]
    public WebhookMessageKind Kind => Type switch
    {
        "text" => WebhookMessageKind.Text,
        "image" => WebhookMessageKind.Image,
        "audio" => WebhookMessageKind.Audio,
        "video" => WebhookMessageKind.Video,
        "document" => WebhookMessageKind.Document,
        "sticker" => WebhookMessageKind.Sticker,
        "location" => WebhookMessageKind.Location,
        "contacts" => WebhookMessageKind.Contacts,
        "interactive" => WebhookMessageKind.Interactive,
        "button" => WebhookMessageKind.Button,
        "reaction" => WebhookMessageKind.Reaction,
        "order" => WebhookMessageKind.Order,
        "system" => WebhookMessageKind.System,
        "unsupported" => WebhookMessageKind.Unsupported,
        _ => WebhookMessageKind.Unknown,
    };

    /// <summary>Gets the raw JSON of a member this SDK does not model (for example the content object of a new message type).</summary>
    /// <param name="name">The JSON member name, such as the value of <see cref="Type"/>.</param>
    /// <param name="value">The raw JSON.</param>
    /// <returns><see langword="true"/> when the member was present.</returns>
    public bool TryGetAdditionalProperty(string name, out JsonElement value)
    {
        if (AdditionalProperties is { } extra && extra.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookMessage {Type} {Id} from {PiiMasker.MaskPhoneNumber(From)} at {Timestamp:O}";
}
