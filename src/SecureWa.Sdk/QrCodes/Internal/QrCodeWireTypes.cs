using System.Text.Json.Serialization;

namespace SecureWa.Sdk.QrCodes.Internal;

/// <summary>A QR code as the API returns it (create answer, list and get items).</summary>
internal sealed class QrCodeWire
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("prefilled_message")]
    public string? PrefilledMessage { get; set; }

    [JsonPropertyName("deep_link_url")]
    public string? DeepLinkUrl { get; set; }

    [JsonPropertyName("qr_image_url")]
    public string? QrImageUrl { get; set; }

    [JsonPropertyName("creation_time")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? CreationTime { get; set; }
}
