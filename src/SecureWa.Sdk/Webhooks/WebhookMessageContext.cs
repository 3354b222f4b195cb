using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>What an inbound message replies to, or the product the user asked about.</summary>
public sealed class WebhookMessageContext
{
    /// <summary>The sender of the message replied to (the business number).</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>The id of the message replied to.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Whether the message was forwarded.</summary>
    [JsonPropertyName("forwarded")]
    public bool? Forwarded { get; init; }

    /// <summary>Whether the message was forwarded more than five times.</summary>
    [JsonPropertyName("frequently_forwarded")]
    public bool? FrequentlyForwarded { get; init; }

    /// <summary>The product the user asked about.</summary>
    [JsonPropertyName("referred_product")]
    public WebhookReferredProduct? ReferredProduct { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookMessageContext {Id}";
}
