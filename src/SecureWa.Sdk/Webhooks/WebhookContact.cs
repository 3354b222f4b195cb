using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The WhatsApp user who sent a message.</summary>
public sealed class WebhookContact
{
    /// <summary>The user's WhatsApp id (usually the phone number without <c>+</c>).</summary>
    [JsonPropertyName("wa_id")]
    public string? WaId { get; init; }

    /// <summary>The user's profile.</summary>
    [JsonPropertyName("profile")]
    public WebhookProfile? Profile { get; init; }

    /// <summary>The identity key hash, when the identity change check is enabled.</summary>
    [JsonPropertyName("identity_key_hash")]
    public string? IdentityKeyHash { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookContact {PiiMasker.MaskPhoneNumber(WaId)}";
}
