using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Flows;

/// <summary>Options of <see cref="FlowTokenProtector"/>.</summary>
public sealed class FlowTokenOptions
{
    /// <summary>The name of the HMAC key in the <see cref="ISecretProvider"/>. Default <see cref="FlowSecretNames.FlowTokenKey"/>.</summary>
    public string KeySecretName { get; set; } = FlowSecretNames.FlowTokenKey;

    /// <summary>A second key still accepted while the key rotates (tokens are always issued with the current one), or <see langword="null"/>.</summary>
    public string? PreviousKeySecretName { get; set; }

    /// <summary>How long an issued token is valid. Default 24 hours.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew tolerated when checking expiry. Default 1 minute.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
