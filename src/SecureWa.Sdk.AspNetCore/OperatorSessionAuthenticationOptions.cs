using Microsoft.AspNetCore.Authentication;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>Options of the operator session authentication scheme (<see cref="OperatorSessionAuthenticationHandler"/>).</summary>
public sealed class OperatorSessionAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The realm sent in <c>WWW-Authenticate</c> on a challenge; none by default.</summary>
    public string? Realm { get; set; }
}
