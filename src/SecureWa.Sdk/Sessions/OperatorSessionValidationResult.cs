using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Sessions;

/// <summary>The outcome of <see cref="OperatorSessionService.ValidateAsync"/>: an operator, or a typed reason. Never holds the token.</summary>
public sealed class OperatorSessionValidationResult
{
    private OperatorSessionValidationResult(WhatsAppOperator? @operator, OperatorSessionRejection? rejection, string? sessionId, string? operatorId, DateTimeOffset? expiresAt, string? identityProvider)
    {
        Operator = @operator;
        Rejection = rejection;
        SessionId = sessionId;
        OperatorId = operatorId;
        ExpiresAt = expiresAt;
        IdentityProvider = identityProvider;
    }

    /// <summary>Whether the token was accepted.</summary>
    public bool IsValid => Operator is not null;

    /// <summary>The operator of an accepted token (id, roles, session id).</summary>
    public WhatsAppOperator? Operator { get; }

    /// <summary>Why the token was refused, when it was.</summary>
    public OperatorSessionRejection? Rejection { get; }

    /// <summary>The session id, when the signature verified.</summary>
    public string? SessionId { get; }

    /// <summary>The operator id, when the signature verified.</summary>
    public string? OperatorId { get; }

    /// <summary>The token's <c>exp</c>, when the signature verified.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The <see cref="OperatorIdentityProviderOptions.Name"/> of an SSO token; <see langword="null"/> for this application's own.</summary>
    public string? IdentityProvider { get; }

    /// <summary>Throws the typed exception of a refused token.</summary>
    /// <returns>The operator of an accepted token.</returns>
    /// <exception cref="OperatorSessionRejectedException">The token was refused.</exception>
    public WhatsAppOperator GetOperatorOrThrow() =>
        Operator ?? throw new OperatorSessionRejectedException(Rejection ?? OperatorSessionRejection.Malformed, SessionId, OperatorId);

    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"valid session {SessionId} of operator {OperatorId}"
        : $"refused ({Rejection}) session {SessionId ?? "(unverified)"}";

    internal static OperatorSessionValidationResult Valid(WhatsAppOperator @operator, DateTimeOffset expiresAt, string? identityProvider) =>
        new(@operator, null, @operator.SessionId, @operator.Id, expiresAt, identityProvider);

    internal static OperatorSessionValidationResult Refused(OperatorSessionRejection rejection, string? sessionId = null, string? operatorId = null, DateTimeOffset? expiresAt = null, string? identityProvider = null) =>
        new(null, rejection, sessionId, operatorId, expiresAt, identityProvider);
}
