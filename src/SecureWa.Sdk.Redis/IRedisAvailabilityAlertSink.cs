namespace SecureWa.Sdk.Redis;

/// <summary>
/// Receives an alert when a Redis-backed component falls back (Redis unreachable) and when it recovers. Register any
/// number as singletons; the alerts are also logged (warning / information) and counted
/// (<c>securewa.redis.availability.changes</c>). Implementations must be fast and must not throw (exceptions are logged and swallowed).
/// </summary>
public interface IRedisAvailabilityAlertSink
{
    /// <summary>Called once per change of availability.</summary>
    /// <param name="alert">What changed.</param>
    void OnAvailabilityChanged(RedisAvailabilityAlert alert);
}
