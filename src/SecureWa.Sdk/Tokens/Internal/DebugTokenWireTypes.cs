using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary><c>{"data":{…}}</c>, the answer to <c>GET /debug_token</c>.</summary>
internal sealed class DebugTokenResponse
{
    [JsonPropertyName("data")]
    public DebugTokenData? Data { get; set; }
}

/// <summary>The <c>data</c> object of <c>debug_token</c>.</summary>
internal sealed class DebugTokenData
{
    [JsonPropertyName("app_id")]
    public string? AppId { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("application")]
    public string? Application { get; set; }

    [JsonPropertyName("data_access_expires_at")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? DataAccessExpiresAt { get; set; }

    [JsonPropertyName("expires_at")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? ExpiresAt { get; set; }

    [JsonPropertyName("issued_at")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? IssuedAt { get; set; }

    [JsonPropertyName("is_valid")]
    public bool? IsValid { get; set; }

    [JsonPropertyName("scopes")]
    public List<string>? Scopes { get; set; }

    [JsonPropertyName("granular_scopes")]
    public List<DebugTokenGranularScope>? GranularScopes { get; set; }

    [JsonPropertyName("user_id")]
    public string? UserId { get; set; }

    [JsonPropertyName("error")]
    public DebugTokenError? Error { get; set; }
}

/// <summary>One <c>granular_scopes</c> entry.</summary>
internal sealed class DebugTokenGranularScope
{
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("target_ids")]
    public List<string>? TargetIds { get; set; }
}

/// <summary>The <c>error</c> object of an invalid token (its message is not kept: it may quote the token).</summary>
internal sealed class DebugTokenError
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("subcode")]
    public int? Subcode { get; set; }
}
