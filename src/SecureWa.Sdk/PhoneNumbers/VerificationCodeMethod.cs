namespace SecureWa.Sdk.PhoneNumbers;

/// <summary>How Meta delivers a phone number verification code (<c>code_method</c>).</summary>
public enum VerificationCodeMethod
{
    /// <summary><c>SMS</c>: a text message.</summary>
    Sms = 0,

    /// <summary><c>VOICE</c>: a voice call.</summary>
    Voice,
}
