using System.Net;
using System.Text;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// The Graph API answered with an error. Carries the HTTP status, the Graph error code, subcode, type,
/// <c>fbtrace_id</c> (quote it to Meta support) and <c>error_data.details</c>. The message is built from
/// those fields only: never from the raw body, and never with a token. Graph's text is capped, its phone numbers are
/// masked and anything shaped like a credential is redacted (see <see cref="WhatsAppApiError.Message"/>).
/// </summary>
public class WhatsAppApiException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The parsed error.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WhatsAppApiException(WhatsAppApiError error, Exception? innerException = null)
        : base(BuildMessage(error ?? throw new ArgumentNullException(nameof(error))), innerException, WhatsAppRequestState.Received)
    {
        Error = error;
    }

    /// <summary>The parsed error.</summary>
    public WhatsAppApiError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    /// <summary>The Graph error code (<c>error.code</c>), if present.</summary>
    public int? ErrorCode => Error.Code;

    /// <summary>The Graph error subcode (<c>error.error_subcode</c>), if present.</summary>
    public int? ErrorSubcode => Error.Subcode;

    /// <summary>The Graph error type, such as <c>OAuthException</c>.</summary>
    public string? ErrorType => Error.Type;

    /// <summary>Meta's trace id for support requests.</summary>
    public string? FbTraceId => Error.FbTraceId;

    /// <summary><c>error.error_data.details</c>: Meta's human-readable detail, if present.</summary>
    public string? Details => Error.Details;

    /// <summary>The category the code falls into.</summary>
    public WhatsAppErrorCategory Category => Error.Category;

    /// <summary>How long Meta asked the client to wait (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    private static string BuildMessage(WhatsAppApiError error)
    {
        var builder = new StringBuilder("The WhatsApp Cloud API returned HTTP ");
        builder.Append((int)error.StatusCode);
        if (error.Code is { } code)
        {
            builder.Append(", error code ").Append(code);
            if (error.Subcode is { } subcode)
            {
                builder.Append(" (subcode ").Append(subcode).Append(')');
            }
        }

        builder.Append(" [").Append(error.Category).Append(']');
        if (!string.IsNullOrEmpty(error.Message))
        {
            builder.Append(": ").Append(error.Message);
        }

        if (!string.IsNullOrEmpty(error.Details))
        {
            builder.Append(" Details: ").Append(error.Details);
        }

        if (!string.IsNullOrEmpty(error.FbTraceId))
        {
            builder.Append(" (fbtrace_id ").Append(error.FbTraceId).Append(')');
        }

        return builder.ToString();
    }
}
