namespace SecureWa.Sdk.AspNetCore;

/// <summary>Defaults of the operator session authentication scheme.</summary>
public static class OperatorSessionAuthenticationDefaults
{
    /// <summary>The scheme name: <c>SecureWaSession</c>.</summary>
    public const string AuthenticationScheme = "SecureWaSession";
}
