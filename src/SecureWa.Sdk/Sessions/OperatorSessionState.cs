namespace SecureWa.Sdk.Sessions;

/// <summary>What an <see cref="IOperatorSessionStore"/> knows about one session and its operator.</summary>
/// <param name="SessionRevoked">Whether this session was revoked.</param>
/// <param name="SessionLastUsedAt">The session's last recorded use, if any.</param>
/// <param name="OperatorLastUsedAt">The operator's last recorded activity (any session, or a reinstatement), if any.</param>
/// <param name="OperatorSessionsRevokedAt">The latest forced logout of the operator: its sessions issued at or before it are revoked.</param>
/// <param name="AllSessionsRevokedAt">The latest revocation of all sessions: every session issued at or before it is revoked.</param>
public readonly record struct OperatorSessionState(
    bool SessionRevoked,
    DateTimeOffset? SessionLastUsedAt,
    DateTimeOffset? OperatorLastUsedAt,
    DateTimeOffset? OperatorSessionsRevokedAt,
    DateTimeOffset? AllSessionsRevokedAt);
