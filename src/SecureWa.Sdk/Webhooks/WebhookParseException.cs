using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// A webhook body could not be parsed. The message names the reason and, for malformed JSON, the position; it never
/// contains the body (which may hold personal data).
/// </summary>
public class WebhookParseException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why parsing failed.</param>
    /// <param name="message">A message without any part of the body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WebhookParseException(WebhookParseError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Why parsing failed.</summary>
    public WebhookParseError Error { get; }
}
