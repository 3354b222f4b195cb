using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A webhook delivery: the body of one POST from Meta.</summary>
public sealed class WebhookNotification
{
    private readonly IReadOnlyList<WebhookEntry>? _entries;

    /// <summary>The object the notification is about; <c>whatsapp_business_account</c> for WhatsApp.</summary>
    [JsonPropertyName("object")]
    public string? Object { get; init; }

    /// <summary>The entries (one per WhatsApp Business Account). Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("entry")]
    public IReadOnlyList<WebhookEntry> Entries
    {
        get => _entries ?? [];
        init => _entries = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Every inbound message in the notification, across entries and changes.</summary>
    [JsonIgnore]
    public IEnumerable<WebhookMessage> AllMessages => Entries.SelectMany(static e => e.Changes).SelectMany(static c => c.Value?.Messages ?? []);

    /// <summary>Every status update in the notification, across entries and changes.</summary>
    [JsonIgnore]
    public IEnumerable<WebhookStatus> AllStatuses => Entries.SelectMany(static e => e.Changes).SelectMany(static c => c.Value?.Statuses ?? []);

    /// <summary>Every message echo (<c>smb_message_echoes</c>: sent by the business from the WhatsApp Business app), across entries and changes; not part of <see cref="AllMessages"/>.</summary>
    [JsonIgnore]
    public IEnumerable<WebhookMessage> AllMessageEchoes => Entries.SelectMany(static e => e.Changes).SelectMany(static c => c.Value?.MessageEchoes ?? []);

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookNotification {Object} ({Entries.Count} entries)";
}
