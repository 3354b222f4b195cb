using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A product a user asked about.</summary>
public sealed class WebhookReferredProduct
{
    /// <summary>The catalog id.</summary>
    [JsonPropertyName("catalog_id")]
    public string? CatalogId { get; init; }

    /// <summary>The product id.</summary>
    [JsonPropertyName("product_retailer_id")]
    public string? ProductRetailerId { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookReferredProduct {ProductRetailerId}";
}
