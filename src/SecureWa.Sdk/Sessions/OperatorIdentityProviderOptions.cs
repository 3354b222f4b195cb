namespace SecureWa.Sdk.Sessions;

/// <summary>
/// An identity provider whose tokens are accepted as operator sessions (single sign-on). Its signing keys are configured
/// (JWKS JSON or PEM public keys), never fetched from the network, so a DNS or metadata compromise cannot add a key.
/// </summary>
public sealed class OperatorIdentityProviderOptions
{
    /// <summary>A short name for logs and events (<c>entra</c>, <c>google</c>). Required; prefixes its session ids.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The exact <c>iss</c> of its tokens (for Entra ID: <c>https://login.microsoftonline.com/{tenant}/v2.0</c>). Required.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The accepted <c>aud</c> values (the application's client id or App ID URI). At least one.</summary>
    public string[] Audiences { get; set; } = [];

    /// <summary>The provider's signing keys as a JWKS document (the JSON its <c>jwks_uri</c> serves, copied into configuration).</summary>
    public string? SigningKeysJwks { get; set; }

    /// <summary>The provider's signing keys as PEM public keys (RSA or EC).</summary>
    public string[]? SigningKeysPem { get; set; }

    /// <summary>The accepted algorithms. Default <c>RS256</c>, <c>PS256</c>, <c>ES256</c>.</summary>
    public string[]? ValidAlgorithms { get; set; }

    /// <summary>The claim holding the operator id. Default <c>sub</c> (for Entra ID, <c>oid</c> is stable across applications).</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The claim whose values are mapped to roles (<c>roles</c> for Entra ID app roles, <c>groups</c>, <c>hd</c>…). Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the provider's session id. Default <c>sid</c>; without it the SDK derives one from <c>jti</c> or the token's hash.</summary>
    public string SessionIdClaim { get; set; } = "sid";

    /// <summary>Claim value → SDK roles (<c>"WhatsApp.Agent": ["agent"]</c>). Values not listed grant nothing; a token that maps to no role is refused. Required.</summary>
    public Dictionary<string, string[]> RoleMap { get; set; } = new(StringComparer.Ordinal);
}
