using System.Text.Json.Serialization;
using System.Text.Json;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The value of a <c>messages</c> change: inbound messages, statuses of sent messages, or errors.</summary>
public sealed class WebhookChangeValue
{
    /// <summary>Always <c>whatsapp</c>.</summary>
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; init; }

    /// <summary>The business phone number the change is about.</summary>
    [JsonPropertyName("metadata")]
    public WebhookMetadata? Metadata { get; init; }

    /// <summary>The senders of <see cref="Messages"/>.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<WebhookContact> Contacts { get; init; } = [];

    /// <summary>Inbound messages.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<WebhookMessage> Messages { get; init; } = [];

    /// <summary>Status updates of messages the business sent.</summary>
    [JsonPropertyName("statuses")]
    public IReadOnlyList<WebhookStatus> Statuses { get; init; } = [];

    /// <summary>System-level errors (not tied to one message).</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<WebhookError> Errors { get; init; } = [];

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookChangeValue ({Messages.Count} messages, {Statuses.Count} statuses, {Errors.Count} errors)";
}
