namespace SecureWa.Sdk.Alerts;

/// <summary>How urgent a <see cref="SecurityAlert"/> is.</summary>
public enum SecurityAlertSeverity
{
    /// <summary>Worth knowing; no action needed now.</summary>
    Information = 0,

    /// <summary>Needs attention soon.</summary>
    Warning = 1,

    /// <summary>Needs attention now (a forging attempt, a revoked token, a hijacked session).</summary>
    Critical = 2,
}
