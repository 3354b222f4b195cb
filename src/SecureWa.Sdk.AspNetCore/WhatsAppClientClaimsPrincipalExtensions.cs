using System.Net;
using System.Security.Claims;
using SecureWa.Sdk.AspNetCore;

namespace SecureWa.Sdk;

/// <summary>Binds a <see cref="WhatsAppClient"/> view to a signed-in user (a background job acting for the user who queued it).</summary>
public static class WhatsAppClientClaimsPrincipalExtensions
{
    /// <summary>
    /// <c>client.ForOperator(...)</c> for <paramref name="principal"/>, read with the same claims as
    /// <see cref="HttpContextWhatsAppOperatorAccessor"/> (<c>sub</c>, roles, <c>sid</c>).
    /// </summary>
    /// <param name="client">The shared client.</param>
    /// <param name="principal">The signed-in user.</param>
    /// <param name="clientIp">The user's address, when known.</param>
    /// <param name="claims">Which claims are read; the defaults when <see langword="null"/>.</param>
    /// <returns>The operator-scoped view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="principal"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="principal"/> is not authenticated or has no subject claim.</exception>
    public static WhatsAppClient ForOperator(this WhatsAppClient client, ClaimsPrincipal principal, IPAddress? clientIp = null, WhatsAppOperatorClaimsOptions? claims = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(principal);
        var @operator = HttpContextWhatsAppOperatorAccessor.FromPrincipal(principal, clientIp, claims ?? new WhatsAppOperatorClaimsOptions())
            ?? throw new ArgumentException("The principal is not an authenticated operator (not authenticated, or no subject claim).", nameof(principal));
        return client.ForOperator(@operator);
    }
}
