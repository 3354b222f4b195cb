namespace SecureWa.Sdk.Consent;

/// <summary>
/// Append-only storage of consent records keyed by an opaque subject key. Implementations must be thread-safe,
/// return a subject's records in the order they were appended, and never change an appended record (only
/// <see cref="EraseSubjectAsync"/> removes records, for the right of erasure).
/// </summary>
public interface IConsentStore
{
    /// <summary>Appends one record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default);

    /// <summary>The records of one subject, oldest first (empty when none).</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    ValueTask<IReadOnlyList<ConsentRecord>> GetRecordsAsync(string subjectKey, CancellationToken cancellationToken = default);

    /// <summary>Removes every record of one subject (right of erasure).</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>How many records were removed.</returns>
    ValueTask<int> EraseSubjectAsync(string subjectKey, CancellationToken cancellationToken = default);
}
