using System.Net;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// The server answered, but not with a body the SDK can read (empty, not JSON, or not the documented
/// shape). The raw body is deliberately not included.
/// </summary>
public class WhatsAppUnexpectedResponseException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="innerException">The parse failure, if any.</param>
    public WhatsAppUnexpectedResponseException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException, WhatsAppRequestState.Received)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }
}
