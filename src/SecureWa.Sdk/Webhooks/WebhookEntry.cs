using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>One entry of a notification: the changes for one WhatsApp Business Account.</summary>
public sealed class WebhookEntry
{
    private readonly IReadOnlyList<WebhookChange>? _changes;

    /// <summary>The WhatsApp Business Account id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The changes. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("changes")]
    public IReadOnlyList<WebhookChange> Changes
    {
        get => _changes ?? [];
        init => _changes = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookEntry {Id} ({Changes.Count} changes)";
}
