using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Redis;

/// <summary>
/// Options of the Redis-backed rate limiter (<c>UseRedisRateLimiting</c>). The limits themselves stay in
/// <see cref="Http.WhatsAppRateLimitOptions"/> (<c>WhatsAppClientOptions.RateLimiting</c>): every instance applies the
/// same limits to one shared state.
/// </summary>
public sealed class RedisRateLimitingOptions
{
    /// <summary>The prefix of every key the limiter writes. Default <c>securewa:</c>.</summary>
    public string KeyPrefix { get; set; } = "securewa:";

    /// <summary>
    /// How many instances share the limits. Required with <see cref="RedisUnavailablePolicy.FallBackToLocal"/> unless
    /// <see cref="FallbackShare"/> is set: while Redis is unreachable each instance applies 1/<c>InstanceCount</c> of the limits.
    /// </summary>
    public int InstanceCount { get; set; }

    /// <summary>The share of the limits (0 to 1] each instance applies on its own while Redis is unreachable; <see langword="null"/> (default): 1/<see cref="InstanceCount"/>.</summary>
    public double? FallbackShare { get; set; }

    /// <summary>What happens while Redis is unreachable. Default <see cref="RedisUnavailablePolicy.FallBackToLocal"/>.</summary>
    public RedisUnavailablePolicy UnavailablePolicy { get; set; } = RedisUnavailablePolicy.FallBackToLocal;

    /// <summary>The longest one Redis call may take before Redis counts as unreachable (the send then decides by the policy). Default 500 ms.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>While Redis is unreachable, how often it is tried again (requests in between decide locally at once). Default 1 second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The secret every instance shares from which the key of the recipient hash is derived (recipients are stored in
    /// Redis as a keyed 64-bit hash, never as a phone number). Default <see cref="SecretNames.AppSecret"/>.
    /// </summary>
    public string RecipientHashSecretName { get; set; } = SecretNames.AppSecret;

    /// <summary>The share applied locally while Redis is unreachable.</summary>
    internal double EffectiveShare => FallbackShare ?? (InstanceCount > 0 ? 1.0 / InstanceCount : 1.0);
}
