namespace SecureWa.Sdk.Templates;

/// <summary>The one-time-passcode button of an authentication template (<c>OTP</c>): copy code, one-tap or zero-tap autofill.</summary>
/// <param name="otpType">The kind of button.</param>
/// <param name="text">The copy-code label (at most 25 characters); Meta's default when <see langword="null"/>.</param>
public sealed class TemplateOtpButton(TemplateOtpType otpType, string? text = null) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "OTP";

    /// <summary>The kind of button.</summary>
    public TemplateOtpType OtpType { get; } = otpType;

    /// <summary>The autofill label of a one-tap button (<c>autofill_text</c>, at most 25 characters).</summary>
    public string? AutofillText { get; init; }

    /// <summary>The Android apps that may receive the code (required for one-tap and zero-tap, at most 5).</summary>
    public IReadOnlyList<TemplateOtpSupportedApp> SupportedApps { get; init; } = [];

    /// <summary>For zero-tap: that the business accepts Meta's zero-tap terms (<c>zero_tap_terms_accepted</c>); required.</summary>
    public bool ZeroTapTermsAccepted { get; init; }
}
