using System.Text.Json.Serialization;

namespace SecureWa.Sdk.PhoneNumbers.Internal;

/// <summary>A phone number node (<c>GET /{phone-number-id}</c> and items of <c>GET /{waba-id}/phone_numbers</c>).</summary>
internal sealed class PhoneNumberWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("display_phone_number")]
    public string? DisplayPhoneNumber { get; set; }

    [JsonPropertyName("verified_name")]
    public string? VerifiedName { get; set; }

    [JsonPropertyName("quality_rating")]
    public string? QualityRating { get; set; }

    [JsonPropertyName("messaging_limit_tier")]
    public string? MessagingLimitTier { get; set; }

    [JsonPropertyName("throughput")]
    public ThroughputWire? Throughput { get; set; }

    [JsonPropertyName("name_status")]
    public string? NameStatus { get; set; }

    [JsonPropertyName("code_verification_status")]
    public string? CodeVerificationStatus { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("platform_type")]
    public string? PlatformType { get; set; }

    [JsonPropertyName("account_mode")]
    public string? AccountMode { get; set; }

    [JsonPropertyName("is_official_business_account")]
    public bool? IsOfficialBusinessAccount { get; set; }

    [JsonPropertyName("is_pin_enabled")]
    public bool? IsPinEnabled { get; set; }
}

/// <summary><c>{"level":"STANDARD"}</c>.</summary>
internal sealed class ThroughputWire
{
    [JsonPropertyName("level")]
    public string? Level { get; set; }
}
