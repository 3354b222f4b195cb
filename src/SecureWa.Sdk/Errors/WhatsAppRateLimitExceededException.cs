namespace SecureWa.Sdk.Errors;

/// <summary>
/// The SDK's own rate limiter refused the request: its wait queue was full, or no permit came within
/// <see cref="Http.WhatsAppRateLimitOptions.MaxWait"/>. Nothing was sent; retry after <see cref="RetryAfter"/>.
/// </summary>
public class WhatsAppRateLimitExceededException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="scope">The limit that refused the request.</param>
    /// <param name="retryAfter">When a permit is expected, if known.</param>
    /// <param name="message">The message; it must not name the recipient or the phone number.</param>
    public WhatsAppRateLimitExceededException(WhatsAppRateLimitScope scope, TimeSpan? retryAfter, string message)
        : base(message)
    {
        Scope = scope;
        RetryAfter = retryAfter;
    }

    /// <summary>The limit that refused the request.</summary>
    public WhatsAppRateLimitScope Scope { get; }

    /// <summary>How long until a permit is expected, when the limiter could tell.</summary>
    public TimeSpan? RetryAfter { get; }
}
