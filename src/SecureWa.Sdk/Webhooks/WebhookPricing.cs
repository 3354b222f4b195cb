using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>How a message is priced.</summary>
public sealed class WebhookPricing
{
    /// <summary>Whether the message is billable.</summary>
    [JsonPropertyName("billable")]
    public bool? Billable { get; init; }

    /// <summary>The pricing model, such as <c>CBP</c> or <c>PMP</c>.</summary>
    [JsonPropertyName("pricing_model")]
    public string? PricingModel { get; init; }

    /// <summary>The pricing category.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>The pricing type, when Meta sends it.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookPricing {PricingModel} {Category}";
}
