namespace SecureWa.Sdk.Sessions;

/// <summary>One operator session event. Holds ids and reasons only, never a token.</summary>
public sealed class OperatorSessionEvent
{
    /// <summary>What happened.</summary>
    public required OperatorSessionEventKind Kind { get; init; }

    /// <summary>When it happened (the service's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The operator whose session(s) it concerns, when known (verified).</summary>
    public string? OperatorId { get; init; }

    /// <summary>The session it concerns, when known (verified).</summary>
    public string? SessionId { get; init; }

    /// <summary>Who did it (revocations, reinstatement): the acting operator's id.</summary>
    public string? ActorId { get; init; }

    /// <summary>The acting operator's session id.</summary>
    public string? ActorSessionId { get; init; }

    /// <summary>Why a token was refused (<see cref="OperatorSessionEventKind.Rejected"/>).</summary>
    public OperatorSessionRejection? Rejection { get; init; }

    /// <summary>The identity provider of an SSO token, when it was one.</summary>
    public string? IdentityProvider { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} session {SessionId} of operator {OperatorId}";
}
