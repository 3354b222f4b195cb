namespace SecureWa.Sdk.Tokens;

/// <summary>
/// What Graph <c>debug_token</c> says about the access token. Holds no secret: the token itself is never kept, only
/// <see cref="TokenId"/>, the first 16 hex digits of its SHA-256.
/// </summary>
public sealed class TokenInfo
{
    /// <summary>Whether Graph considers the token valid.</summary>
    public required bool IsValid { get; init; }

    /// <summary>The app the token was issued for (<c>app_id</c>).</summary>
    public string? AppId { get; init; }

    /// <summary>The app's name (<c>application</c>).</summary>
    public string? Application { get; init; }

    /// <summary>The token type (<c>type</c>).</summary>
    public TokenType Type { get; init; }

    /// <summary>The raw <c>type</c> string, for types <see cref="TokenType"/> does not know.</summary>
    public string? TypeName { get; init; }

    /// <summary>When the token expires (<c>expires_at</c>); <see langword="null"/> when it never does (<c>0</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When data access expires (<c>data_access_expires_at</c>); <see langword="null"/> when it never does (<c>0</c>).</summary>
    public DateTimeOffset? DataAccessExpiresAt { get; init; }

    /// <summary>When the token was issued (<c>issued_at</c>), when Graph says.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>The user or system user the token belongs to (<c>user_id</c>), an id.</summary>
    public string? UserId { get; init; }

    /// <summary>The permissions granted (<c>scopes</c>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The permissions with the objects they are limited to (<c>granular_scopes</c>).</summary>
    public IReadOnlyList<TokenGranularScope> GranularScopes { get; init; } = [];

    /// <summary>The Graph error code for an invalid token (<c>error.code</c>), when given.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The Graph error subcode for an invalid token (<c>error.subcode</c>), when given.</summary>
    public int? ErrorSubcode { get; init; }

    /// <summary>An opaque id of the token version: the first 16 lowercase hex digits of the SHA-256 of the token.</summary>
    public required string TokenId { get; init; }

    /// <summary>The full SHA-256 fingerprint (64 hex digits) when the SDK read the token itself; the first-seen store's key.</summary>
    internal string? Fingerprint { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"TokenInfo {{ TokenId = {TokenId}, IsValid = {IsValid}, Type = {Type}, AppId = {AppId} }}";
}
