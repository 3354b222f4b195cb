using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>The content of an <c>image</c>, <c>audio</c>, <c>video</c>, <c>document</c> or <c>sticker</c> message; download it with the media id.</summary>
public sealed class WebhookMedia
{
    /// <summary>The media id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The MIME type.</summary>
    [JsonPropertyName("mime_type")]
    public string? MimeType { get; init; }

    /// <summary>The SHA-256 of the media file, as Meta reports it.</summary>
    [JsonPropertyName("sha256")]
    public string? Sha256 { get; init; }

    /// <summary>The caption (image, video, document).</summary>
    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>The file name (document).</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>Whether a sticker is animated.</summary>
    [JsonPropertyName("animated")]
    public bool? Animated { get; init; }

    /// <summary>Whether audio is a voice recording.</summary>
    [JsonPropertyName("voice")]
    public bool? Voice { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookMedia {Id} {MimeType}";
}
