using System.Collections.Concurrent;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// A bounded, thread-safe in-process <see cref="ICustomerServiceWindow"/>: past <c>maxEntries</c> recipients, the tenth
/// with the oldest inbound messages is dropped (a dropped recipient's window counts as closed — fail closed).
/// </summary>
public sealed class InMemoryCustomerServiceWindow : ICustomerServiceWindow
{
    private readonly ConcurrentDictionary<string, long> _lastInbound = new(StringComparer.Ordinal);
    private readonly int _maxEntries;
    private readonly object _trimLock = new();

    /// <summary>Creates the window store.</summary>
    /// <param name="maxEntries">The most recipients remembered (at least 10).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEntries"/> is below 10.</exception>
    public InMemoryCustomerServiceWindow(int maxEntries = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 10);
        _maxEntries = maxEntries;
    }

    /// <summary>How many recipients are remembered.</summary>
    public int Count => _lastInbound.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="subjectKey"/> is empty.</exception>
    public void RecordInbound(string subjectKey, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        var ticks = at.UtcTicks;
        _lastInbound.AddOrUpdate(subjectKey, static (_, t) => t, static (_, existing, t) => Math.Max(existing, t), ticks);
        if (_lastInbound.Count > _maxEntries)
        {
            Trim();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="subjectKey"/> is empty.</exception>
    public DateTimeOffset? GetLastInbound(string subjectKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        return _lastInbound.TryGetValue(subjectKey, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="subjectKey"/> is empty.</exception>
    public void Forget(string subjectKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        _lastInbound.TryRemove(subjectKey, out _);
    }

    private void Trim()
    {
        lock (_trimLock)
        {
            var excess = _lastInbound.Count - _maxEntries;
            if (excess <= 0)
            {
                return;
            }

            // Drop a batch (a tenth, at least the excess) so trimming is rare: O(n log n) once per n/10 inserts.
            var drop = Math.Max(excess, _maxEntries / 10);
            foreach (var entry in _lastInbound.ToArray().OrderBy(static e => e.Value).Take(drop))
            {
                _lastInbound.TryRemove(entry);
            }
        }
    }
}
