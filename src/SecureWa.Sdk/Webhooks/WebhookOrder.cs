using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of an <c>order</c> message.</summary>
public sealed class WebhookOrder
{
    private readonly IReadOnlyList<WebhookOrderItem>? _productItems;

    /// <summary>The catalog id.</summary>
    [JsonPropertyName("catalog_id")]
    public string? CatalogId { get; init; }

    /// <summary>Text accompanying the order.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>The ordered products. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("product_items")]
    public IReadOnlyList<WebhookOrderItem> ProductItems
    {
        get => _productItems ?? [];
        init => _productItems = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookOrder {CatalogId} ({ProductItems.Count} items)";
}
