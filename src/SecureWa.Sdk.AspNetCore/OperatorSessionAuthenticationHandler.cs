using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> operator session tokens (this application's and configured SSO providers')
/// through <see cref="OperatorSessionService"/> on every request, so a revoked, idle or suspended session is refused on its
/// next call. The principal carries <c>sub</c>, <c>sid</c> and <c>roles</c>. A refusal answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> and the reason; the token is never logged.
/// </summary>
public sealed class OperatorSessionAuthenticationHandler : AuthenticationHandler<OperatorSessionAuthenticationOptions>
{
    private readonly OperatorSessionService _sessions;
    private OperatorSessionRejection? _rejection;

    /// <summary>Creates the handler (by the authentication middleware).</summary>
    /// <param name="options">The scheme options.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    /// <param name="sessions">The session service.</param>
    public OperatorSessionAuthenticationHandler(IOptionsMonitor<OperatorSessionAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorSessionService sessions)
        : base(options, logger, encoder)
    {
        _sessions = sessions;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = value.AsSpan(7).Trim().ToString();
        var ip = Context.Connection.RemoteIpAddress;
        var clientIp = ip is null ? null : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
        var result = await _sessions.ValidateAsync(token, clientIp, Context.RequestAborted).ConfigureAwait(false);
        if (!result.IsValid)
        {
            _rejection = result.Rejection;

            // The failure's message names the reason and verified ids only.
            return AuthenticateResult.Fail(new OperatorSessionRejectedException(result.Rejection ?? OperatorSessionRejection.Malformed, result.SessionId, result.OperatorId));
        }

        var @operator = result.Operator!;
        var claims = new List<Claim>(3 + @operator.Roles.Count)
        {
            new("sub", @operator.Id),
            new("sid", @operator.SessionId ?? string.Empty),
        };
        if (result.IdentityProvider is { } provider)
        {
            claims.Add(new Claim("idp", provider));
        }

        foreach (var role in @operator.Roles)
        {
            claims.Add(new Claim("roles", role));
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name, "sub", "roles");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var parameters = new List<string>(3);
        if (Options.Realm is { } realm)
        {
            parameters.Add($"realm=\"{realm}\"");
        }

        if (_rejection is { } rejection)
        {
            parameters.Add("error=\"invalid_token\"");
            parameters.Add($"error_description=\"{rejection}\"");
        }

        Response.Headers.WWWAuthenticate = parameters.Count == 0 ? "Bearer" : "Bearer " + string.Join(", ", parameters);
        return Task.CompletedTask;
    }
}
