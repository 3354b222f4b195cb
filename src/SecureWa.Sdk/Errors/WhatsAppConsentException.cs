using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// The consent policy refused a send before anything was sent (<see cref="WhatsAppException.RequestState"/> is
/// <see cref="WhatsAppRequestState.NotSent"/>). Names the purpose and the reason, never the recipient.
/// </summary>
public sealed class WhatsAppConsentException : WhatsAppException, IWhatsAppPolicyRefusal
{
    /// <summary>Creates the exception.</summary>
    /// <param name="purpose">The consent purpose the send needed (<c>marketing</c>, <c>utility</c>, <c>service</c>, …).</param>
    /// <param name="reason">Why it was refused.</param>
    public WhatsAppConsentException(string purpose, ConsentRefusalReason reason)
        : base(BuildMessage(purpose, reason))
    {
        Purpose = purpose;
        Reason = reason;
    }

    /// <summary>The consent purpose the send needed.</summary>
    public string Purpose { get; }

    /// <summary>Why it was refused.</summary>
    public ConsentRefusalReason Reason { get; }

    /// <inheritdoc />
    public WhatsAppOperationOutcomeKind OutcomeKind => WhatsAppOperationOutcomeKind.RefusedByConsent;

    private static string BuildMessage(string purpose, ConsentRefusalReason reason) => reason switch
    {
        ConsentRefusalReason.NoConsent => $"Not sent: the recipient has no current '{purpose}' opt-in on file.",
        ConsentRefusalReason.PendingConfirmation => $"Not sent: the recipient's '{purpose}' opt-in awaits confirmation (double opt-in).",
        ConsentRefusalReason.OptedOut => $"Not sent: the recipient opted out of '{purpose}' messages.",
        ConsentRefusalReason.WindowClosed => "Not sent: the customer-service window is closed (the recipient has not written within it); send an approved template instead.",
        ConsentRefusalReason.CategoryUnknown => $"Not sent: the template's category is unknown, so it is treated as '{purpose}', and the recipient has no current '{purpose}' opt-in.",
        _ => $"Not sent: refused by the consent policy ({reason}) for '{purpose}'.",
    };
}
