namespace SecureWa.Sdk.Errors;

/// <summary>
/// Meta throttled the call (HTTP 429, or Graph codes 4, 80007, 130429, 131056, 131048).
/// <see cref="WhatsAppApiException.RetryAfter"/> says how long to wait when Meta said.
/// </summary>
public class WhatsAppThrottlingException : WhatsAppApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The parsed error.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WhatsAppThrottlingException(WhatsAppApiError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }
}
