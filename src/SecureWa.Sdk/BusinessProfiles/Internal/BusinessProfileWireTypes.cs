using System.Text.Json.Serialization;

namespace SecureWa.Sdk.BusinessProfiles.Internal;

/// <summary>
/// An item of the <c>data</c> array of <c>GET /{phone-number-id}/whatsapp_business_profile</c>. Meta's OpenAPI nests the
/// profile under <c>business_profile</c>; the reference pages (and pywa) show it flat; both are read.
/// </summary>
internal sealed class BusinessProfileItemWire
{
    [JsonPropertyName("business_profile")]
    public BusinessProfileWire? BusinessProfile { get; set; }

    [JsonPropertyName("about")]
    public string? About { get; set; }

    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("websites")]
    public List<string?>? Websites { get; set; }

    [JsonPropertyName("vertical")]
    public string? Vertical { get; set; }

    [JsonPropertyName("profile_picture_url")]
    public string? ProfilePictureUrl { get; set; }
}

/// <summary>The nested <c>business_profile</c> object.</summary>
internal sealed class BusinessProfileWire
{
    [JsonPropertyName("about")]
    public string? About { get; set; }

    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("websites")]
    public List<string?>? Websites { get; set; }

    [JsonPropertyName("vertical")]
    public string? Vertical { get; set; }

    [JsonPropertyName("profile_picture_url")]
    public string? ProfilePictureUrl { get; set; }
}
