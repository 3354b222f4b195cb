namespace SecureWa.Sdk.Tokens;

/// <summary>The health of the access token, from best to worst (the order the health check maps).</summary>
public enum TokenHealthStatus
{
    /// <summary>Nothing to report.</summary>
    Healthy = 0,

    /// <summary>Works today, but needs attention: expires soon, rotation overdue, more permission than needed, or the check could not run.</summary>
    Degraded = 1,

    /// <summary>Calls fail or will fail: invalid, expired, another app's token, not scoped to the WABA, a needed permission missing.</summary>
    Unhealthy = 2,
}
