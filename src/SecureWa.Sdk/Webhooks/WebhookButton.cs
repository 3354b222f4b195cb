using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of a <c>button</c> message: a tapped quick-reply button of a template.</summary>
public sealed class WebhookButton
{
    /// <summary>The payload the business set on the button.</summary>
    [JsonPropertyName("payload")]
    public string? Payload { get; init; }

    /// <summary>The button text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "WebhookButton (omitted)";
}
