using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>Where a message came from when the user tapped a Click-to-WhatsApp ad or post.</summary>
public sealed class WebhookReferral
{
    /// <summary>The ad or post URL.</summary>
    [JsonPropertyName("source_url")]
    public string? SourceUrl { get; init; }

    /// <summary>The ad or post id.</summary>
    [JsonPropertyName("source_id")]
    public string? SourceId { get; init; }

    /// <summary><c>ad</c> or <c>post</c>.</summary>
    [JsonPropertyName("source_type")]
    public string? SourceType { get; init; }

    /// <summary>The ad headline.</summary>
    [JsonPropertyName("headline")]
    public string? Headline { get; init; }

    /// <summary>The ad body.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary><c>image</c> or <c>video</c>.</summary>
    [JsonPropertyName("media_type")]
    public string? MediaType { get; init; }

    /// <summary>The ad image URL.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; init; }

    /// <summary>The ad video URL.</summary>
    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; init; }

    /// <summary>The ad video thumbnail URL.</summary>
    [JsonPropertyName("thumbnail_url")]
    public string? ThumbnailUrl { get; init; }

    /// <summary>The Click-to-WhatsApp click id.</summary>
    [JsonPropertyName("ctwa_clid")]
    public string? CtwaClickId { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookReferral {SourceType} {SourceId}";
}
