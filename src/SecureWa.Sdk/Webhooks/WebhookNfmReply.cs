using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A flow response (<c>nfm_reply</c>).</summary>
public sealed class WebhookNfmReply
{
    /// <summary><c>flow</c> or <c>address_message</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The body shown to the user (usually <c>Sent</c>).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The flow's response data as a JSON string (personal data: never log it).</summary>
    [JsonPropertyName("response_json")]
    public string? ResponseJson { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookNfmReply {Name} (response omitted)";
}
