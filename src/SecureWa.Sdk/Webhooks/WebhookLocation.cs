using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of a <c>location</c> message.</summary>
public sealed class WebhookLocation
{
    /// <summary>The latitude.</summary>
    [JsonPropertyName("latitude")]
    public double Latitude { get; init; }

    /// <summary>The longitude.</summary>
    [JsonPropertyName("longitude")]
    public double Longitude { get; init; }

    /// <summary>The place name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The address.</summary>
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    /// <summary>A URL for the place.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "WebhookLocation (coordinates omitted)";
}
