namespace SecureWa.Sdk.Templates;

/// <summary>The kind of a one-time-passcode button (<c>otp_type</c>).</summary>
public enum TemplateOtpType
{
    /// <summary><c>COPY_CODE</c>: the user copies the code.</summary>
    CopyCode = 0,

    /// <summary><c>ONE_TAP</c>: the user taps to autofill the code in the Android app named by the supported apps.</summary>
    OneTap,

    /// <summary><c>ZERO_TAP</c>: the code is passed to the Android app without a tap (the terms must be accepted).</summary>
    ZeroTap,
}
