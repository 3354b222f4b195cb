namespace SecureWa.Sdk.Errors;

/// <summary>
/// The access token was rejected (Graph codes 0, 190) or lacks a permission (10, 200–299), and re-reading
/// it from the secret provider did not help.
/// </summary>
public class WhatsAppAuthenticationException : WhatsAppApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The parsed error.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WhatsAppAuthenticationException(WhatsAppApiError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }
}
