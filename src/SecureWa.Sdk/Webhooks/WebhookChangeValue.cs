using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The value of a <c>messages</c> change: inbound messages, statuses of sent messages, or errors.</summary>
public sealed class WebhookChangeValue
{
    private readonly IReadOnlyList<WebhookContact>? _contacts;
    private readonly IReadOnlyList<WebhookMessage>? _messages;
    private readonly IReadOnlyList<WebhookStatus>? _statuses;
    private readonly IReadOnlyList<WebhookError>? _errors;
    private readonly IReadOnlyList<WebhookMessage>? _messageEchoes;

    /// <summary>Always <c>whatsapp</c>.</summary>
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; init; }

    /// <summary>The business phone number the change is about.</summary>
    [JsonPropertyName("metadata")]
    public WebhookMetadata? Metadata { get; init; }

    /// <summary>The senders of <see cref="Messages"/>. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("contacts")]
    public IReadOnlyList<WebhookContact> Contacts
    {
        get => _contacts ?? [];
        init => _contacts = value;
    }

    /// <summary>Inbound messages. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<WebhookMessage> Messages
    {
        get => _messages ?? [];
        init => _messages = value;
    }

    /// <summary>Status updates of messages the business sent. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("statuses")]
    public IReadOnlyList<WebhookStatus> Statuses
    {
        get => _statuses ?? [];
        init => _statuses = value;
    }

    /// <summary>System-level errors (not tied to one message). Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyList<WebhookError> Errors
    {
        get => _errors ?? [];
        init => _errors = value;
    }

    /// <summary>
    /// Messages the business sent from the WhatsApp Business app on a number shared with the Cloud API
    /// (<c>message_echoes</c> of an <c>smb_message_echoes</c> change); <see cref="WebhookMessage.From"/> is the business,
    /// <see cref="WebhookMessage.To"/> the user. Empty (never <see langword="null"/>) when absent.
    /// </summary>
    [JsonPropertyName("message_echoes")]
    public IReadOnlyList<WebhookMessage> MessageEchoes
    {
        get => _messageEchoes ?? [];
        init => _messageEchoes = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookChangeValue ({Messages.Count} messages, {Statuses.Count} statuses, {Errors.Count} errors)";
}
