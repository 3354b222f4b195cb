using System.Net;

namespace SecureWa.Sdk.Errors;

/// <summary>A Graph API error as parsed from <c>{"error":{...}}</c>, with the HTTP status it came with.</summary>
public sealed class WhatsAppApiError
{
    private readonly string? _message;
    private readonly string? _details;

    /// <summary>The HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary><c>error.code</c>.</summary>
    public int? Code { get; init; }

    /// <summary><c>error.error_subcode</c>.</summary>
    public int? Subcode { get; init; }

    /// <summary><c>error.type</c>, such as <c>OAuthException</c>.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// <c>error.message</c>, made safe to log: at most 512 characters, phone numbers masked, and anything shaped like a
    /// credential the SDK sends (bearer token, <c>appsecret_proof</c>, app secret) replaced by <c>[redacted]</c>, in case
    /// a server echoes the request.
    /// </summary>
    public string? Message
    {
        get => _message;
        init => _message = Internal.GraphTextSanitizer.Sanitize(value);
    }

    /// <summary><c>error.error_data.details</c>, made safe to log like <see cref="Message"/>.</summary>
    public string? Details
    {
        get => _details;
        init => _details = Internal.GraphTextSanitizer.Sanitize(value);
    }

    /// <summary><c>error.fbtrace_id</c>.</summary>
    public string? FbTraceId { get; init; }

    /// <summary><c>error.is_transient</c>, when Meta says.</summary>
    public bool? IsTransient { get; init; }

    /// <summary>The <c>Retry-After</c> delay, when the response carried one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The category derived from <see cref="Code"/> and <see cref="StatusCode"/>.</summary>
    public WhatsAppErrorCategory Category => Internal.GraphErrorClassifier.Categorize(StatusCode, Code);

    /// <summary>Returns a one-line summary: status, code, subcode, category and trace id.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"HTTP {(int)StatusCode}, code {Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, subcode {Subcode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {Category}, fbtrace_id {FbTraceId ?? "none"}";
}
