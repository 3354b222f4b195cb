using SecureWa.Sdk.Consent;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// Records consent changes (opt-in, confirmation, opt-out, erasure) in the audit trail. The subject is the consent
/// ledger's pseudonym, never the phone number; the evidence reference the application supplied is kept as the target.
/// </summary>
internal sealed class AuditConsentEvents(IAuditTrail trail) : IConsentEvents
{
    public async ValueTask OnRecordedAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await trail.RecordAsync(
            new AuditEvent
            {
                RecordClass = AuditRecordClass.Consent,
                Operation = "consent." + record.Kind.ToString().ToLowerInvariant(),
                TargetId = record.SubjectKey,
                Outcome = record.Kind.ToString(),
                Detail = (record.Purpose ?? "*") + " via " + record.Source,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask OnErasedAsync(string subjectKey, int recordCount, CancellationToken cancellationToken = default)
    {
        await trail.RecordAsync(
            new AuditEvent
            {
                RecordClass = AuditRecordClass.Consent,
                Operation = "consent.erased",
                TargetId = subjectKey,
                Outcome = "Erased",
                Detail = recordCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " records",
            },
            cancellationToken).ConfigureAwait(false);
    }
}
