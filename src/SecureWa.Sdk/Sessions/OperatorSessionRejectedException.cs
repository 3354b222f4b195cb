using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Sessions;

/// <summary>
/// An operator session token was refused. The message names the reason and, when the token's signature verified, its
/// <c>sid</c> and <c>sub</c>; never the token.
/// </summary>
public sealed class OperatorSessionRejectedException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the token was refused.</param>
    /// <param name="sessionId">The verified <c>sid</c>, when known.</param>
    /// <param name="operatorId">The verified <c>sub</c>, when known.</param>
    public OperatorSessionRejectedException(OperatorSessionRejection reason, string? sessionId = null, string? operatorId = null)
        : base(sessionId is null && operatorId is null
            ? $"The operator session was refused: {reason}."
            : $"The operator session {sessionId ?? "(no sid)"} of operator {operatorId ?? "(no sub)"} was refused: {reason}.")
    {
        Reason = reason;
        SessionId = sessionId;
        OperatorId = operatorId;
    }

    /// <summary>Why the token was refused.</summary>
    public OperatorSessionRejection Reason { get; }

    /// <summary>The verified <c>sid</c>, when the signature verified.</summary>
    public string? SessionId { get; }

    /// <summary>The verified <c>sub</c>, when the signature verified.</summary>
    public string? OperatorId { get; }
}
