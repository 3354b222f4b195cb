using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A change: the subscribed field that changed and its value.</summary>
public sealed class WebhookChange
{
    /// <summary>The webhook field, such as <c>messages</c>.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public WebhookChangeValue? Value { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookChange {Field}";
}
