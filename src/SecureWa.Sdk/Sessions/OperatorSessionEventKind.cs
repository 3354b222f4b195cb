namespace SecureWa.Sdk.Sessions;

/// <summary>What happened to an operator session.</summary>
public enum OperatorSessionEventKind
{
    /// <summary>A session was issued.</summary>
    Issued,

    /// <summary>A token was refused (<see cref="OperatorSessionEvent.Rejection"/> says why).</summary>
    Rejected,

    /// <summary>The operator ended its own session.</summary>
    LoggedOut,

    /// <summary>One session was revoked.</summary>
    SessionRevoked,

    /// <summary>Every session of one operator was revoked (forced logout).</summary>
    OperatorSessionsRevoked,

    /// <summary>Every session was revoked (incident).</summary>
    AllSessionsRevoked,

    /// <summary>A suspended operator was reinstated.</summary>
    OperatorReinstated,
}
