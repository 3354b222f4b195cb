namespace SecureWa.Sdk.Sessions;

/// <summary>
/// Where operator session revocations and last-use times live, so they hold across restarts and instances.
/// <see cref="InMemoryOperatorSessionStore"/> is the default (one process, lost on restart); the SQLite and PostgreSQL
/// stores keep them durable. Every implementation must pass the SDK's store conformance tests.
/// </summary>
/// <remarks>
/// Rules every implementation keeps: thread-safe; times kept to at least millisecond precision and returned as UTC;
/// last-use and revocation times only move forward (an older write never replaces a newer one); a revoked session stays
/// revoked (a later use does not clear it); operator records are never purged (suspension needs them); a session record
/// (revocation, last use) may be dropped once its <c>retainUntil</c> passed. Ids are opaque strings up to 256 characters.
/// </remarks>
public interface IOperatorSessionStore
{
    /// <summary>Reads everything validation needs about one session and its operator, in one round trip.</summary>
    /// <param name="operatorId">The operator id (<c>sub</c>).</param>
    /// <param name="sessionId">The session id (<c>sid</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state; all empty for a session and operator never seen.</returns>
    ValueTask<OperatorSessionState> GetStateAsync(string operatorId, string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Records that a session was used at <paramref name="usedAt"/>: the session's and its operator's last use move forward to it.</summary>
    /// <param name="operatorId">The operator id.</param>
    /// <param name="sessionId">The session id.</param>
    /// <param name="usedAt">When it was used.</param>
    /// <param name="retainUntil">When the session record may be purged (the token's expiry, plus clock skew).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the use is stored.</returns>
    ValueTask RecordUseAsync(string operatorId, string sessionId, DateTimeOffset usedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default);

    /// <summary>Moves the operator's last activity forward to <paramref name="at"/> without a session (an admin reinstating a suspended operator).</summary>
    /// <param name="operatorId">The operator id.</param>
    /// <param name="at">The activity time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    ValueTask RecordOperatorActivityAsync(string operatorId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Revokes one session.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="revokedAt">When it was revoked.</param>
    /// <param name="retainUntil">When the revocation may be purged (no token of the session can be valid after it).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    ValueTask RevokeSessionAsync(string sessionId, DateTimeOffset revokedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default);

    /// <summary>Revokes every session of an operator issued at or before <paramref name="revokedAt"/> (forced logout); keeps the latest such time.</summary>
    /// <param name="operatorId">The operator id.</param>
    /// <param name="revokedAt">The revocation time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    ValueTask RevokeOperatorSessionsAsync(string operatorId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Revokes every session of every operator issued at or before <paramref name="revokedAt"/> (incident); keeps the latest such time.</summary>
    /// <param name="revokedAt">The revocation time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    ValueTask RevokeAllSessionsAsync(DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Drops session records whose <c>retainUntil</c> is at or before <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many session records were dropped.</returns>
    ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
