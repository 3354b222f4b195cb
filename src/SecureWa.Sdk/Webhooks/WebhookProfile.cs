using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A WhatsApp user's profile.</summary>
public sealed class WebhookProfile
{
    /// <summary>The profile name (personal data).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "WebhookProfile (name omitted)";
}
