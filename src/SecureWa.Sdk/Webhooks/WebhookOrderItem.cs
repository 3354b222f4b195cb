using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>An ordered product.</summary>
public sealed class WebhookOrderItem
{
    /// <summary>The product id in the catalog.</summary>
    [JsonPropertyName("product_retailer_id")]
    public string? ProductRetailerId { get; init; }

    /// <summary>The quantity.</summary>
    [JsonPropertyName("quantity")]
    public int Quantity { get; init; }

    /// <summary>The unit price.</summary>
    [JsonPropertyName("item_price")]
    public decimal ItemPrice { get; init; }

    /// <summary>The ISO 4217 currency code.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookOrderItem {ProductRetailerId} x{Quantity}";
}
