using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Sessions;

/// <summary>
/// Operator sessions: who issues them, for whom, how long they live and how they are signed. Bind it from
/// configuration (for example the <c>WhatsApp:Sessions</c> section); the signing key itself comes from an <see cref="ISecretProvider"/>.
/// </summary>
public sealed class OperatorSessionOptions
{
    /// <summary>The <c>iss</c> of the tokens this application issues (an https URL or a URN naming it). Required.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The <c>aud</c> of the tokens this application issues and accepts (the API that uses the SDK). Required.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>The signing algorithm: <c>ES256</c> (default, P-256 key), <c>ES384</c> (P-384) or <c>ES512</c> (P-521).</summary>
    public string Algorithm { get; set; } = "ES256";

    /// <summary>The logical name of the PEM EC private key that signs new tokens.</summary>
    public string SigningKeySecretName { get; set; } = SecretNames.OperatorSessionSigningKey;

    /// <summary>The logical name of the previous key: while it is present, the tokens it signed still validate (rotation). Missing is fine.</summary>
    public string PreviousSigningKeySecretName { get; set; } = SecretNames.OperatorSessionPreviousSigningKey;

    /// <summary>How long an issued token lives (<c>exp - iat</c>); at most <see cref="MaxSessionLifetime"/>. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The longest any token (also an SSO token) may be used after its <c>iat</c>, whatever its <c>exp</c> says. Default 8 hours.</summary>
    public TimeSpan MaxSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session unused for longer than this is refused as idle. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An operator with no activity for longer than this is suspended until an admin reinstates it; <see cref="TimeSpan.Zero"/> turns it off. Default 90 days.</summary>
    public TimeSpan SuspendAfterInactivity { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The clock skew tolerated on <c>exp</c> and <c>nbf</c>. Default 30 seconds; at most 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A session's last use is written to the store at most once per this interval (one write per request would load the
    /// store); the idle timeout is therefore exact to within it. Default 1 minute; less than <see cref="IdleTimeout"/>.
    /// </summary>
    public TimeSpan LastUseResolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Identity providers (Entra ID, Google Workspace, any OIDC) whose tokens are accepted too.</summary>
    public List<OperatorIdentityProviderOptions> IdentityProviders { get; set; } = [];
}
