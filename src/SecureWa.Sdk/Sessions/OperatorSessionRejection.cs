namespace SecureWa.Sdk.Sessions;

/// <summary>Why an operator session token was refused.</summary>
public enum OperatorSessionRejection
{
    /// <summary>Not a compact JWS, or a required claim (<c>sub</c>, <c>sid</c>, <c>iat</c>, <c>exp</c>) is missing.</summary>
    Malformed,

    /// <summary>The signature does not verify with any configured key, or the algorithm is not accepted.</summary>
    BadSignature,

    /// <summary>Past its <c>exp</c> (beyond the clock skew).</summary>
    Expired,

    /// <summary>Before its <c>nbf</c> (beyond the clock skew).</summary>
    NotYetValid,

    /// <summary>The <c>iss</c> is neither this application nor a configured identity provider.</summary>
    WrongIssuer,

    /// <summary>The <c>aud</c> is not the configured audience.</summary>
    WrongAudience,

    /// <summary>The session, all sessions of the operator, or all sessions were revoked.</summary>
    Revoked,

    /// <summary>Unused for longer than the idle timeout.</summary>
    Idle,

    /// <summary>The operator was inactive for longer than the suspension period.</summary>
    Suspended,

    /// <summary>Issued longer ago than the maximum session lifetime, or claiming a longer lifetime.</summary>
    TooOld,

    /// <summary>A role is unknown to the role map, or an SSO token maps to no role.</summary>
    UnknownRole,
}
