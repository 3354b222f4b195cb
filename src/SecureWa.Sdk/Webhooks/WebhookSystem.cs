using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of a <c>system</c> message, such as a user changing their number.</summary>
public sealed class WebhookSystem
{
    /// <summary>A description of the event.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The event type, such as <c>user_changed_number</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The identity hash (identity changes).</summary>
    [JsonPropertyName("identity")]
    public string? Identity { get; init; }

    /// <summary>The user's new WhatsApp id.</summary>
    [JsonPropertyName("wa_id")]
    public string? WaId { get; init; }

    /// <summary>The user's new WhatsApp id (older payloads).</summary>
    [JsonPropertyName("new_wa_id")]
    public string? NewWaId { get; init; }

    /// <summary>The user the event is about.</summary>
    [JsonPropertyName("customer")]
    public string? Customer { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookSystem {Type}";
}
