namespace SecureWa.Sdk.Redis;

/// <summary>A change of availability of Redis as one component sees it. Carries no key, no phone number and no secret.</summary>
/// <param name="Component"><c>rate_limiter</c> or <c>replay_guard</c>.</param>
/// <param name="Available"><see langword="false"/>: Redis became unreachable and the fallback policy is engaged; <see langword="true"/>: it answers again.</param>
/// <param name="Policy">The policy in force while unreachable.</param>
/// <param name="Reason">The exception type that made Redis count as unreachable, or <see langword="null"/> on recovery.</param>
/// <param name="At">When the change was seen.</param>
public sealed record RedisAvailabilityAlert(string Component, bool Available, RedisUnavailablePolicy Policy, string? Reason, DateTimeOffset At);
