using System.Collections.Concurrent;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// A thread-safe, in-process <see cref="IConsentStore"/> (the default; lost on restart — use a durable store in
/// production). Reads return a snapshot.
/// </summary>
public sealed class InMemoryConsentStore : IConsentStore
{
    private static readonly IReadOnlyList<ConsentRecord> Empty = [];
    private readonly ConcurrentDictionary<string, ConsentRecord[]> _records = new(StringComparer.Ordinal);

    /// <summary>The number of subjects with at least one record.</summary>
    public int SubjectCount => _records.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();

        // Copy-on-write arrays: readers see an immutable snapshot, appends never lose one another.
        _records.AddOrUpdate(
            record.SubjectKey,
            static (_, r) => [r],
            static (_, existing, r) => [.. existing, r],
            record);
        return default;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="subjectKey"/> is empty.</exception>
    public ValueTask<IReadOnlyList<ConsentRecord>> GetRecordsAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        return new(_records.TryGetValue(subjectKey, out var records) ? records : Empty);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="subjectKey"/> is empty.</exception>
    public ValueTask<int> EraseSubjectAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        cancellationToken.ThrowIfCancellationRequested();
        return new(_records.TryRemove(subjectKey, out var removed) ? removed.Length : 0);
    }
}
