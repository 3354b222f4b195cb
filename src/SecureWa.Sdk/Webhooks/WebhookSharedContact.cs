using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A contact card shared in a <c>contacts</c> message. Other card fields (emails, addresses, org, urls, birthday) are kept in <see cref="AdditionalProperties"/>.</summary>
public sealed class WebhookSharedContact
{
    private readonly IReadOnlyList<WebhookSharedContactPhone>? _phones;

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public WebhookSharedContactName? Name { get; init; }

    /// <summary>The phone numbers. Empty (never <see langword="null"/>) when absent.</summary>
    [JsonPropertyName("phones")]
    public IReadOnlyList<WebhookSharedContactPhone> Phones
    {
        get => _phones ?? [];
        init => _phones = value;
    }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookSharedContact ({Phones.Count} phones)";
}
