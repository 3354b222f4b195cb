using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of an <c>interactive</c> message: a reply to buttons, a list or a flow.</summary>
public sealed class WebhookInteractive
{
    /// <summary><c>button_reply</c>, <c>list_reply</c> or <c>nfm_reply</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The tapped reply button.</summary>
    [JsonPropertyName("button_reply")]
    public WebhookButtonReply? ButtonReply { get; init; }

    /// <summary>The chosen list row.</summary>
    [JsonPropertyName("list_reply")]
    public WebhookListReply? ListReply { get; init; }

    /// <summary>The flow (or address message) response.</summary>
    [JsonPropertyName("nfm_reply")]
    public WebhookNfmReply? NfmReply { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookInteractive {Type}";
}
