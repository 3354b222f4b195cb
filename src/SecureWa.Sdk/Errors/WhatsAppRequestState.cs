namespace SecureWa.Sdk.Errors;

/// <summary>Whether a failed SDK call's request reached the WhatsApp Cloud API: what a caller needs to decide on a resend.</summary>
public enum WhatsAppRequestState
{
    /// <summary>Nothing left the process (validation, access or consent refusal, client-side rate limit, no connection, no token): safe to try again.</summary>
    NotSent,

    /// <summary>The request may have reached the Cloud API without a definite answer: a resend may duplicate it; reconcile with status webhooks.</summary>
    Unknown,

    /// <summary>The Cloud API received the request and answered (an error answer: a message was not accepted).</summary>
    Received,
}
