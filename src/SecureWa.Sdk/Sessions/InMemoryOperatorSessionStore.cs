using System.Collections.Concurrent;

namespace SecureWa.Sdk.Sessions;

/// <summary>
/// An <see cref="IOperatorSessionStore"/> in process memory: thread-safe and fast, but one instance only and lost on
/// restart (a restart forgets revocations: use the SQLite or PostgreSQL store in production).
/// </summary>
public sealed class InMemoryOperatorSessionStore : IOperatorSessionStore
{
    private readonly ConcurrentDictionary<string, SessionEntry> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperatorEntry> _operators = new(StringComparer.Ordinal);
    private readonly object _allLock = new();
    private DateTimeOffset? _allRevokedAt;

    /// <inheritdoc />
    public ValueTask<OperatorSessionState> GetStateAsync(string operatorId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(sessionId);
        _sessions.TryGetValue(sessionId, out var session);
        _operators.TryGetValue(operatorId, out var op);
        DateTimeOffset? all;
        lock (_allLock)
        {
            all = _allRevokedAt;
        }

        return new(new OperatorSessionState(session?.Revoked ?? false, session?.LastUsedAt, op?.LastUsedAt, op?.RevokedAt, all));
    }

    /// <inheritdoc />
    public ValueTask RecordUseAsync(string operatorId, string sessionId, DateTimeOffset usedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(sessionId);
        var utc = usedAt.ToUniversalTime();
        _sessions.AddOrUpdate(
            sessionId,
            static (_, s) => new SessionEntry(false, s.Used, s.Retain),
            static (_, e, s) => e with { LastUsedAt = Max(e.LastUsedAt, s.Used), RetainUntil = Max(e.RetainUntil, s.Retain) },
            (Used: utc, Retain: retainUntil.ToUniversalTime()));
        TouchOperator(operatorId, utc);
        return default;
    }

    /// <inheritdoc />
    public ValueTask RecordOperatorActivityAsync(string operatorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        TouchOperator(operatorId, at.ToUniversalTime());
        return default;
    }

    /// <inheritdoc />
    public ValueTask RevokeSessionAsync(string sessionId, DateTimeOffset revokedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        _sessions.AddOrUpdate(
            sessionId,
            static (_, retain) => new SessionEntry(true, null, retain),
            static (_, e, retain) => e with { Revoked = true, RetainUntil = Max(e.RetainUntil, retain) },
            retainUntil.ToUniversalTime());
        return default;
    }

    /// <inheritdoc />
    public ValueTask RevokeOperatorSessionsAsync(string operatorId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        _operators.AddOrUpdate(
            operatorId,
            static (_, at) => new OperatorEntry(null, at),
            static (_, e, at) => e with { RevokedAt = Max(e.RevokedAt, at) },
            revokedAt.ToUniversalTime());
        return default;
    }

    /// <inheritdoc />
    public ValueTask RevokeAllSessionsAsync(DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        lock (_allLock)
        {
            _allRevokedAt = Max(_allRevokedAt, revokedAt.ToUniversalTime());
        }

        return default;
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        foreach (var (sessionId, entry) in _sessions)
        {
            if (entry.RetainUntil <= now && _sessions.TryRemove(new KeyValuePair<string, SessionEntry>(sessionId, entry)))
            {
                purged++;
            }
        }

        return new(purged);
    }

    private void TouchOperator(string operatorId, DateTimeOffset at) =>
        _operators.AddOrUpdate(
            operatorId,
            static (_, t) => new OperatorEntry(t, null),
            static (_, e, t) => e with { LastUsedAt = Max(e.LastUsedAt, t) },
            at);

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private sealed record SessionEntry(bool Revoked, DateTimeOffset? LastUsedAt, DateTimeOffset RetainUntil);

    private sealed record OperatorEntry(DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
}
