using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of a <c>text</c> message.</summary>
public sealed class WebhookText
{
    /// <summary>The text (personal data: never log it).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookText ({Body?.Length ?? 0} chars, omitted)";
}
