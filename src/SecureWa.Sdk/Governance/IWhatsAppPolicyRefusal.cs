namespace SecureWa.Sdk.Governance;

/// <summary>
/// Implemented by the exceptions a <see cref="WhatsAppOperationPolicy"/> throws to refuse an operation before any
/// I/O (access denied, consent refused), so the audit trail records the refusal under the right outcome.
/// </summary>
public interface IWhatsAppPolicyRefusal
{
    /// <summary>The outcome the refusal stands for (<see cref="WhatsAppOperationOutcomeKind.Denied"/>, <see cref="WhatsAppOperationOutcomeKind.RefusedByConsent"/>).</summary>
    WhatsAppOperationOutcomeKind OutcomeKind { get; }
}
