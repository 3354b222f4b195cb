using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>
/// The operator of the current ASP.NET Core request: the signed-in <c>HttpContext.User</c> (claims <c>sub</c>, roles,
/// <c>sid</c>) with the connection's client IP. Built once per request and principal (kept in <c>HttpContext.Items</c>),
/// so every SDK call of a request reuses it; <see langword="null"/> outside a request or for an anonymous user.
/// Thread-safe (the request is found through <see cref="IHttpContextAccessor"/>).
/// </summary>
public sealed class HttpContextWhatsAppOperatorAccessor : IWhatsAppOperatorAccessor
{
    private static readonly object ItemKey = new();
    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly WhatsAppOperatorClaimsOptions _claims;

    /// <summary>Creates the accessor.</summary>
    /// <param name="httpContextAccessor">Finds the current request.</param>
    /// <param name="options">Which claims are read.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public HttpContextWhatsAppOperatorAccessor(IHttpContextAccessor httpContextAccessor, IOptions<WhatsAppOperatorClaimsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpContextAccessor);
        ArgumentNullException.ThrowIfNull(options);
        _httpContextAccessor = httpContextAccessor;
        _claims = options.Value;
    }

    /// <inheritdoc />
    public WhatsAppOperator? Current
    {
        get
        {
            var context = _httpContextAccessor.HttpContext;
            if (context is null)
            {
                return null;
            }

            var user = context.User;
            if (context.Items.TryGetValue(ItemKey, out var cached) && cached is Entry entry && ReferenceEquals(entry.Principal, user))
            {
                return entry.Operator;
            }

            var @operator = FromPrincipal(user, context.Connection.RemoteIpAddress, _claims);
            context.Items[ItemKey] = new Entry(user, @operator);
            return @operator;
        }
    }

    /// <summary>Makes an operator of a principal: <see langword="null"/> when it is not authenticated or has no subject.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="clientIp">The client address, if known.</param>
    /// <param name="claims">Which claims are read.</param>
    /// <returns>The operator, or <see langword="null"/>.</returns>
    public static WhatsAppOperator? FromPrincipal(ClaimsPrincipal? principal, IPAddress? clientIp, WhatsAppOperatorClaimsOptions claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        string? subject = null;
        foreach (var type in claims.SubjectClaimTypes)
        {
            subject = principal.FindFirst(type)?.Value;
            if (!string.IsNullOrWhiteSpace(subject))
            {
                break;
            }
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = new List<string>();
        foreach (var claim in principal.Claims)
        {
            if (!string.IsNullOrWhiteSpace(claim.Value)
                && (Array.IndexOf(claims.RoleClaimTypes, claim.Type) >= 0 || (identity is ClaimsIdentity ci && claim.Type == ci.RoleClaimType))
                && !roles.Contains(claim.Value, StringComparer.OrdinalIgnoreCase))
            {
                roles.Add(claim.Value);
            }
        }

        string? sessionId = null;
        foreach (var type in claims.SessionIdClaimTypes)
        {
            sessionId ??= principal.FindFirst(type)?.Value;
        }

        var ip = clientIp is null ? null : (clientIp.IsIPv4MappedToIPv6 ? clientIp.MapToIPv4() : clientIp).ToString();
        return new WhatsAppOperator(subject, roles, sessionId, ip);
    }

    private sealed record Entry(ClaimsPrincipal Principal, WhatsAppOperator? Operator);
}
