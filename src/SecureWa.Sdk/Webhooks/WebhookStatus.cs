using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A status update of a message the business sent.</summary>
public sealed class WebhookStatus
{
    private readonly IReadOnlyList<WebhookError>? _errors;

    /// <summary>The id of the message the status is about.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary><c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c> (other values are kept as sent).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>When the status changed.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(UnixTimestampConverter))]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The recipient's WhatsApp id.</summary>
    [JsonPropertyName("recipient_id")]
    public string? RecipientId { get; init; }

    /// <summary>
    /// <c>group</c> when the message went to a group (<see cref="RecipientId"/> is then the group id); absent or
    /// <c>individual</c> otherwise.
    /// </summary>
    [JsonPropertyName("recipient_type")]
    public string? RecipientType { get; init; }

    /// <summary>The tracking data the business set when sending (<see cref="Messages.WhatsAppMessage.BizOpaqueCallbackData"/>).</summary>
    [JsonPropertyName("biz_opaque_callback_data")]
    public string? BizOpaqueCallbackData { get; init; }

    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")]
    public WebhookConversation? Conversation { get; init; }

    /// <summary>The pricing.</summary>
    [JsonPropertyName("pricing")]
    public WebhookPricing? Pricing { get; init; }

    /// <summary>Why a message failed. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<WebhookError> Errors
    {
        get => _errors ?? [];
        init => _errors = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary><see cref="Status"/> as an enum; <see cref="WebhookStatusKind.Unknown"/> for values this SDK does not know.</summary>
    [JsonIgnore]
    public WebhookStatusKind Kind => Status switch
    {
        "sent" => WebhookStatusKind.Sent,
        "delivered" => WebhookStatusKind.Delivered,
        "read" => WebhookStatusKind.Read,
        "failed" => WebhookStatusKind.Failed,
        _ => WebhookStatusKind.Unknown,
    };

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookStatus {Status} {Id} to {PiiMasker.MaskPhoneNumber(RecipientId)}";
}
