using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A tapped reply button.</summary>
public sealed class WebhookButtonReply
{
    /// <summary>The button id the business set.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The button title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookButtonReply {Id}";
}
