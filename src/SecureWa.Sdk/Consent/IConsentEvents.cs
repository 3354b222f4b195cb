namespace SecureWa.Sdk.Consent;

/// <summary>
/// Observes every consent change (connect the audit trail here). Called after the store accepted the change; a
/// failure is logged and does not undo the change.
/// </summary>
public interface IConsentEvents
{
    /// <summary>A record was appended.</summary>
    /// <param name="record">The record (subject key only, no phone number).</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when the change is recorded.</returns>
    ValueTask OnRecordedAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>A subject's records were erased.</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="recordCount">How many records were erased.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when the erasure is recorded.</returns>
    ValueTask OnErasedAsync(string subjectKey, int recordCount, CancellationToken cancellationToken = default);
}
