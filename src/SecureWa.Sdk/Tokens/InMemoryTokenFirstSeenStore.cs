using System.Collections.Concurrent;

namespace SecureWa.Sdk.Tokens;

/// <summary>
/// An <see cref="ITokenFirstSeenStore"/> in process memory: the age of a token version is counted from the first
/// check after the process started. Thread-safe; keeps at most <see cref="MaxEntries"/> fingerprints (the oldest go).
/// </summary>
public sealed class InMemoryTokenFirstSeenStore : ITokenFirstSeenStore
{
    /// <summary>The most fingerprints kept.</summary>
    public const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="fingerprint"/> is empty.</exception>
    public ValueTask<DateTimeOffset> GetOrAddFirstSeenAsync(string fingerprint, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        if (_firstSeen.Count >= MaxEntries && !_firstSeen.ContainsKey(fingerprint))
        {
            foreach (var oldest in _firstSeen.OrderBy(static e => e.Value).Take(_firstSeen.Count - MaxEntries + 1))
            {
                _firstSeen.TryRemove(oldest.Key, out _);
            }
        }

        return new ValueTask<DateTimeOffset>(_firstSeen.GetOrAdd(fingerprint, now));
    }
}
