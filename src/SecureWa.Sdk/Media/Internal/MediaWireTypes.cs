using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Media.Internal;

/// <summary><c>{"id":"…"}</c>, the answer to an upload.</summary>
internal sealed class MediaUploadResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>The answer to <c>GET /{media-id}</c>.</summary>
internal sealed class MediaInfoResponse
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("mime_type")]
    public string? MimeType { get; set; }

    [JsonPropertyName("sha256")]
    public string? Sha256 { get; set; }

    /// <summary>Documented as a string (<c>"303833"</c>); some answers carry a number, so both are read.</summary>
    [JsonPropertyName("file_size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? FileSize { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary><c>{"success":true}</c>, the answer to a delete.</summary>
internal sealed class MediaDeleteResponse
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}
