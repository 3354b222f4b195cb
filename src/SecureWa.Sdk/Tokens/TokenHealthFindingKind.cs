namespace SecureWa.Sdk.Tokens;

/// <summary>What a token health check found.</summary>
public enum TokenHealthFindingKind
{
    /// <summary>Graph says the token is not valid (revoked, password changed, malformed), or rejected it with error 190.</summary>
    Invalid,

    /// <summary>The token has expired (<c>expires_at</c> is past).</summary>
    Expired,

    /// <summary>The token expires within the warning window.</summary>
    ExpiresSoon,

    /// <summary>Data access has expired (<c>data_access_expires_at</c> is past).</summary>
    DataAccessExpired,

    /// <summary>Data access expires within the warning window.</summary>
    DataAccessExpiresSoon,

    /// <summary>A never-expiring token has been in use for longer than the rotation period.</summary>
    RotationOverdue,

    /// <summary>The token carries permissions the configured usage does not need (for example <c>business_management</c> for a send-only service).</summary>
    ExcessScope,

    /// <summary>The token lacks a permission the configured usage needs (for example <c>whatsapp_business_messaging</c>).</summary>
    MissingScope,

    /// <summary>The token was issued for another app than the configured one.</summary>
    WrongApp,

    /// <summary>The token's WhatsApp permissions are limited to other WhatsApp Business Accounts than the configured one.</summary>
    WrongBusinessAccount,

    /// <summary>The check could not run (Graph unreachable, an unexpected answer); the token's state is unknown.</summary>
    CheckFailed,
}
