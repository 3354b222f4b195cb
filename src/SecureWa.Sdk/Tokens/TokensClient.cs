using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tokens.Internal;

namespace SecureWa.Sdk.Tokens;

/// <summary>
/// Inspects the access token with Graph <c>debug_token</c>. Obtain it from <see cref="WhatsAppClient.Tokens"/>.
/// Thread-safe and immutable.
/// </summary>
/// <remarks>
/// Graph takes the inspected token in the <c>input_token</c> query parameter, and the caller's own token as the
/// access token; Meta accepts the same token for both (a system-user token inspecting itself), which is what this
/// client does: the token is the <c>Bearer</c> credential as on every call, and <c>input_token</c>. The SDK never
/// logs a URL, tags an activity with one or puts one in an exception message, and .NET's own HTTP telemetry redacts
/// query strings (<c>url.full</c>); keep the <c>IHttpClientFactory</c> default loggers off (the SDK removes them)
/// and do not add a handler that logs request URIs to the SDK's client.
/// </remarks>
public class TokensClient
{
    private readonly GraphApiInvoker? _invoker;
    private readonly ISecretProvider? _secretProvider;

    /// <summary>For mocking only.</summary>
    protected TokensClient()
    {
    }

    internal TokensClient(GraphApiInvoker invoker, ISecretProvider secretProvider)
    {
        _invoker = invoker;
        _secretProvider = secretProvider;
    }

    /// <summary>The configured WhatsApp Business Account id (<see cref="WhatsAppClientOptions.BusinessAccountId"/>), when this client was built with options.</summary>
    internal string? BusinessAccountId => _invoker?.Options.BusinessAccountId;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This TokensClient was created for mocking; override the members you call.");

    /// <summary>
    /// Asks Graph <c>GET /debug_token?input_token=…</c> about the access token the client uses and returns what it says:
    /// validity, expiry, app, type, scopes and granular scopes with their WABA ids.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token's metadata (no secret: the token is identified by <see cref="TokenInfo.TokenId"/>).</returns>
    /// <exception cref="WhatsAppAuthenticationException">Graph rejected the token itself (error 190): it is invalid, expired or revoked.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with another error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no <c>data</c> object or was not the expected JSON.</exception>
    /// <exception cref="SecretNotFoundException">The secret provider has no access token.</exception>
    [WhatsAppPermission(WhatsAppPermissions.TokensInspect)]
    public virtual async Task<TokenInfo> InspectAsync(CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var token = await _secretProvider!.GetSecretAsync(SecretNames.AccessToken, cancellationToken).ConfigureAwait(false);
        var fingerprint = TokenFingerprint.Compute(token);

        // The URI holds the token: it lives only in this request, which nothing in the SDK logs or tags.
        using var request = invoker.CreateRequest(
            HttpMethod.Get,
            "debug_token?input_token=" + Uri.EscapeDataString(token.Reveal()),
            WhatsAppOperationKind.Query,
            WhatsAppPermissions.TokensInspect);
        var response = await invoker.SendAsync(request, TokensJsonContext.Default.DebugTokenResponse, cancellationToken).ConfigureAwait(false);
        var data = response.Data ?? throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The Graph API answered debug_token without a data object.");
        return Map(data, TokenFingerprint.ToId(fingerprint), fingerprint);
    }

    private static TokenInfo Map(DebugTokenData data, string tokenId, string fingerprint)
    {
        return new TokenInfo
        {
            IsValid = data.IsValid == true,
            AppId = data.AppId,
            Application = data.Application,
            Type = ParseType(data.Type),
            TypeName = data.Type,
            ExpiresAt = FromUnix(data.ExpiresAt),
            DataAccessExpiresAt = FromUnix(data.DataAccessExpiresAt),
            IssuedAt = FromUnix(data.IssuedAt),
            UserId = data.UserId,
            Scopes = data.Scopes?.Where(static s => !string.IsNullOrEmpty(s)).ToArray() ?? [],
            GranularScopes = data.GranularScopes?
                .Where(static g => !string.IsNullOrEmpty(g.Scope))
                .Select(static g => new TokenGranularScope(g.Scope!, g.TargetIds?.Where(static t => !string.IsNullOrEmpty(t)).ToArray() ?? []))
                .ToArray() ?? [],
            ErrorCode = data.Error?.Code,
            ErrorSubcode = data.Error?.Subcode,
            TokenId = tokenId,
            Fingerprint = fingerprint,
        };
    }

    private static DateTimeOffset? FromUnix(long? seconds) =>
        seconds is { } s and > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static TokenType ParseType(string? type) => type?.ToUpperInvariant() switch
    {
        "USER" => TokenType.User,
        "SYSTEM_USER" => TokenType.SystemUser,
        "PAGE" => TokenType.Page,
        "APP" => TokenType.App,
        _ => TokenType.Unknown,
    };
}
