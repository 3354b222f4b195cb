using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>An error reported in a webhook (on a message, a status, or the whole value).</summary>
public sealed class WebhookError
{
    /// <summary>The error code.</summary>
    [JsonPropertyName("code")]
    public int Code { get; init; }

    /// <summary>The title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Details.</summary>
    [JsonPropertyName("error_data")]
    public WebhookErrorData? ErrorData { get; init; }

    /// <summary>A link to the error code documentation.</summary>
    [JsonPropertyName("href")]
    public string? Href { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookError {Code} {Title}";
}
