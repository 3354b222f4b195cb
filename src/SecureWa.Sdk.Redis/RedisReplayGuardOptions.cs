namespace SecureWa.Sdk.Redis;

/// <summary>Options of the Redis-backed webhook replay guard (<c>UseRedisReplayGuard</c>).</summary>
public sealed class RedisReplayGuardOptions
{
    /// <summary>The prefix of every key the guard writes. Default <c>securewa:</c>.</summary>
    public string KeyPrefix { get; set; } = "securewa:";

    /// <summary>How long an id is remembered (the key's expiry). Default 24 hours.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What happens while Redis is unreachable. Default <see cref="RedisUnavailablePolicy.FallBackToLocal"/> (an in-process guard).</summary>
    public RedisUnavailablePolicy UnavailablePolicy { get; set; } = RedisUnavailablePolicy.FallBackToLocal;

    /// <summary>The ids the in-process fallback guard remembers at most. Default 100,000.</summary>
    public int FallbackCacheSize { get; set; } = 100_000;

    /// <summary>The longest one Redis call may take before Redis counts as unreachable. Default 500 ms.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>While Redis is unreachable, how often it is tried again. Default 1 second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
