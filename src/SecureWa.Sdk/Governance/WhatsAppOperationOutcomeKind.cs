namespace SecureWa.Sdk.Governance;

/// <summary>How an SDK operation ended, as the governance policies (audit, detectors) see it.</summary>
public enum WhatsAppOperationOutcomeKind
{
    /// <summary>The Cloud API accepted the call.</summary>
    Accepted,

    /// <summary>Refused by access control before any I/O.</summary>
    Denied,

    /// <summary>Refused by the consent check (no opt-in, opted out, window closed) before any I/O.</summary>
    RefusedByConsent,

    /// <summary>Refused by validation before any I/O.</summary>
    RefusedByValidation,

    /// <summary>The Cloud API answered with an error, or the call failed without reaching it.</summary>
    Failed,

    /// <summary>The request may have been delivered; the SDK did not resend it.</summary>
    DeliveryUnknown,

    /// <summary>The caller cancelled the call.</summary>
    Cancelled,
}
