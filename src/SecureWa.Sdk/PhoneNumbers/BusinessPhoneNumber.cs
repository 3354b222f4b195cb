using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.PhoneNumbers;

/// <summary>A business phone number of a WhatsApp Business Account, as <c>GET /{phone-number-id}</c> and <c>GET /{waba-id}/phone_numbers</c> return it.</summary>
/// <remarks>Status values are kept as Meta sends them (upper case), so values newer than this SDK are not lost.</remarks>
public sealed class BusinessPhoneNumber
{
    /// <summary>The phone number id (used in every <c>/{phone-number-id}/…</c> call).</summary>
    public required string Id { get; init; }

    /// <summary>The number as displayed, such as <c>+1 631-555-5555</c>.</summary>
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The verified display name.</summary>
    public string? VerifiedName { get; init; }

    /// <summary>The quality rating: <c>GREEN</c>, <c>YELLOW</c>, <c>RED</c> or <c>UNKNOWN</c>.</summary>
    public string? QualityRating { get; init; }

    /// <summary>The messaging limit tier, such as <c>TIER_1K</c>, <c>TIER_10K</c>, <c>TIER_UNLIMITED</c>.</summary>
    public string? MessagingLimitTier { get; init; }

    /// <summary>The throughput level (<c>throughput.level</c>): <c>STANDARD</c>, <c>HIGH</c> or <c>NOT_APPLICABLE</c>.</summary>
    public string? ThroughputLevel { get; init; }

    /// <summary>The display name review status, such as <c>APPROVED</c>, <c>AVAILABLE_WITHOUT_REVIEW</c>, <c>PENDING_REVIEW</c>, <c>DECLINED</c>.</summary>
    public string? NameStatus { get; init; }

    /// <summary>Whether the number's ownership was verified with a code: <c>VERIFIED</c>, <c>NOT_VERIFIED</c>, <c>EXPIRED</c>.</summary>
    public string? CodeVerificationStatus { get; init; }

    /// <summary>The number's status, such as <c>CONNECTED</c>, <c>PENDING</c>, <c>DISCONNECTED</c>, <c>FLAGGED</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Where the number is hosted (<c>platform_type</c>): <c>CLOUD_API</c>, <c>ON_PREMISE</c>, <c>NOT_APPLICABLE</c>.</summary>
    public string? PlatformType { get; init; }

    /// <summary>The account mode: <c>LIVE</c> or <c>SANDBOX</c>.</summary>
    public string? AccountMode { get; init; }

    /// <summary>Whether the number has an Official Business Account (green badge).</summary>
    public bool? IsOfficialBusinessAccount { get; init; }

    /// <summary>Whether two-step verification is enabled (<c>is_pin_enabled</c>).</summary>
    public bool? IsPinEnabled { get; init; }

    /// <summary>A description with the display number masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BusinessPhoneNumber {Id} {PiiMasker.MaskPhoneNumber(DisplayPhoneNumber)} quality {QualityRating} tier {MessagingLimitTier}";
}
