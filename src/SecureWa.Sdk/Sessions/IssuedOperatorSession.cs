using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Sessions;

/// <summary>A session just issued: the compact JWS to hand to the operator's browser or app, and its descriptors.</summary>
public sealed class IssuedOperatorSession
{
    internal IssuedOperatorSession(SecretValue token, string sessionId, string operatorId, IReadOnlyList<string> roles, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Token = token;
        SessionId = sessionId;
        OperatorId = operatorId;
        Roles = roles;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token (a bearer credential: <see cref="SecretValue.Reveal"/> it only to send it; never log it).</summary>
    public SecretValue Token { get; }

    /// <summary>The session id (<c>sid</c>); safe to log.</summary>
    public string SessionId { get; }

    /// <summary>The operator id (<c>sub</c>).</summary>
    public string OperatorId { get; }

    /// <summary>The roles the token carries.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The <c>iat</c>.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The <c>exp</c>.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"session {SessionId} of operator {OperatorId} until {ExpiresAt:O}";
}
