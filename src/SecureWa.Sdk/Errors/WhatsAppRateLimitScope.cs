namespace SecureWa.Sdk.Errors;

/// <summary>Which client-side rate limit refused a request.</summary>
public enum WhatsAppRateLimitScope
{
    /// <summary>The per business phone number throughput limit.</summary>
    PhoneNumber = 0,

    /// <summary>The per recipient (pair) limit of message sends.</summary>
    Recipient,
}
