using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// An alert hook for refused sends (connect a security-event recorder here). The pipeline already audits the refusal
/// as <see cref="WhatsAppOperationOutcomeKind.RefusedByConsent"/>; a failure here is logged and does not change the refusal.
/// </summary>
public interface IConsentRefusalObserver
{
    /// <summary>A send was refused.</summary>
    /// <param name="context">The operation (its recipient is the number; pseudonymize before storing).</param>
    /// <param name="refusal">The refusal.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when the alert is recorded.</returns>
    ValueTask OnConsentRefusedAsync(WhatsAppOperationContext context, WhatsAppConsentException refusal, CancellationToken cancellationToken = default);
}
