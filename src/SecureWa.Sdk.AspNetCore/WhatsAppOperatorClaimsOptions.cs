using System.Security.Claims;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>Which claims of the signed-in <c>HttpContext.User</c> make the <see cref="Governance.WhatsAppOperator"/>.</summary>
public sealed class WhatsAppOperatorClaimsOptions
{
    /// <summary>Claim types holding the operator id, first found wins. Default <c>sub</c>, then <see cref="ClaimTypes.NameIdentifier"/>.</summary>
    public string[] SubjectClaimTypes { get; set; } = ["sub", ClaimTypes.NameIdentifier];

    /// <summary>Claim types holding roles (all values of all of them are taken). Default <c>roles</c>, <c>role</c>, <see cref="ClaimTypes.Role"/>, and the identity's own role claim type.</summary>
    public string[] RoleClaimTypes { get; set; } = ["roles", "role", ClaimTypes.Role];

    /// <summary>Claim types holding the session id. Default <c>sid</c>.</summary>
    public string[] SessionIdClaimTypes { get; set; } = ["sid", ClaimTypes.Sid];
}
