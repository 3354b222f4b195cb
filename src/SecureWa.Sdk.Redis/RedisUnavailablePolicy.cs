namespace SecureWa.Sdk.Redis;

/// <summary>What the SDK does while Redis is unreachable. Never "unlimited" and never "let every replay through".</summary>
public enum RedisUnavailablePolicy
{
    /// <summary>
    /// Rate limits: each instance applies its own in-process limiter at <see cref="RedisRateLimitingOptions.FallbackShare"/>
    /// of the configured limits (default 1/<see cref="RedisRateLimitingOptions.InstanceCount"/>). Replay guard: each
    /// instance falls back to an in-process guard. An alert is raised; Redis is tried again every
    /// <c>RetryInterval</c> and used as soon as it answers.
    /// </summary>
    FallBackToLocal = 0,

    /// <summary>
    /// Rate limits: refuse every request with <see cref="Errors.WhatsAppRateLimitExceededException"/> (nothing sent).
    /// Replay guard: the check throws, the endpoint answers 500 and Meta redelivers later.
    /// </summary>
    Refuse = 1,
}
