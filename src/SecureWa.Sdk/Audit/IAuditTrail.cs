namespace SecureWa.Sdk.Audit;

/// <summary>
/// The tamper-evident audit trail: records, queries, verifies, exports, erases and purges. This is the component-facing
/// API (no permission checks); people reach the trail through <see cref="AuditClient"/>, which is authorized and audited.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Records an event of another component (webhook receipt, session, role change, token finding).</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The record could not be written.</exception>
    Task<AuditRecord> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>One page of records matching <paramref name="query"/>.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The page size is out of range or the continuation token is not one of ours.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read.</exception>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Verifies the chains (links, sequence, checkpoints, anchors), streaming in O(records).</summary>
    /// <param name="range">What to check; everything when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result with the first break, if any.</returns>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read.</exception>
    Task<AuditVerificationResult> VerifyAsync(AuditVerificationRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Writes one person's records as JSON lines (right of access), decrypting content while their key exists.</summary>
    /// <param name="phoneNumber">The person's phone number (E.164).</param>
    /// <param name="destination">Where the lines go (UTF-8); not disposed.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many records were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is empty.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read.</exception>
    Task<int> ExportSubjectAsync(string phoneNumber, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Erases one person (crypto-shredding): deletes their content key; the chain still verifies.</summary>
    /// <param name="phoneNumber">The person's phone number (E.164).</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns><see langword="true"/> when a key was deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is empty.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot write.</exception>
    Task<bool> EraseSubjectAsync(string phoneNumber, CancellationToken cancellationToken = default);

    /// <summary>Purges every chain's expired prefix, leaving a signed anchor per purged chain, and records the purge.</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many records were deleted.</returns>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot write.</exception>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a signed checkpoint of every chain whose head moved since its last checkpoint.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new checkpoints.</returns>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot write.</exception>
    Task<IReadOnlyList<AuditCheckpoint>> CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the retention of a record class (in memory, for this instance; configure it for a lasting change) and records the change.</summary>
    /// <param name="recordClass">The class.</param>
    /// <param name="retention">The period (at least one day).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the change is recorded.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retention"/> is under one day.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The change could not be recorded (it is then not applied).</exception>
    Task SetRetentionAsync(AuditRecordClass recordClass, TimeSpan retention, CancellationToken cancellationToken = default);

    /// <summary>The pseudonym of a phone number (for <see cref="AuditQuery.SubjectPseudonym"/>).</summary>
    /// <param name="phoneNumber">The number (E.164, with or without <c>+</c>).</param>
    /// <param name="cancellationToken">Cancels the secret lookup.</param>
    /// <returns>The hex HMAC-SHA256 under the audit pepper.</returns>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is empty.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The pepper is not available.</exception>
    ValueTask<string> PseudonymizeAsync(string phoneNumber, CancellationToken cancellationToken = default);
}
