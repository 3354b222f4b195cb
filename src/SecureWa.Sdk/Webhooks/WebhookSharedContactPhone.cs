using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A phone number on a shared contact card.</summary>
public sealed class WebhookSharedContactPhone
{
    /// <summary>The phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>The WhatsApp id, when the number is on WhatsApp.</summary>
    [JsonPropertyName("wa_id")]
    public string? WaId { get; init; }

    /// <summary>The label (<c>CELL</c>, <c>HOME</c>, …).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookSharedContactPhone {PiiMasker.MaskPhoneNumber(Phone)}";
}
