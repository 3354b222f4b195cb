namespace SecureWa.Sdk.Errors;

/// <summary>What kind of failure a Graph API error is, so callers can branch without memorising codes.</summary>
public enum WhatsAppErrorCategory
{
    /// <summary>Not one of the known categories.</summary>
    Unknown = 0,

    /// <summary>The token is invalid, expired or lacks a permission (codes 0, 10, 190, 200–299).</summary>
    Authentication,

    /// <summary>A rate limit was hit (HTTP 429, codes 4, 80007, 130429, 131056, 131048); retry later.</summary>
    Throttling,

    /// <summary>The request is invalid (code 100 and other parameter errors); do not retry.</summary>
    InvalidRequest,

    /// <summary>The customer service window is closed (131047); send a template instead.</summary>
    OutsideCustomerServiceWindow,

    /// <summary>The recipient cannot receive the message (131026, 131051, 133010).</summary>
    RecipientUnavailable,

    /// <summary>The account is blocked for policy reasons (368 and related).</summary>
    PolicyBlock,

    /// <summary>Meta's side failed (codes 1, 2, 131000, HTTP 5xx).</summary>
    Server,
}
