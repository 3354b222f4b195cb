using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The conversation a status belongs to (older pricing model).</summary>
public sealed class WebhookConversation
{
    /// <summary>The conversation id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>When the conversation expires.</summary>
    [JsonPropertyName("expiration_timestamp")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>What opened the conversation.</summary>
    [JsonPropertyName("origin")]
    public WebhookConversationOrigin? Origin { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookConversation {Id}";
}
