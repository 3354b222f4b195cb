using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Redis.Internal;

/// <summary>Validates <see cref="RedisReplayGuardOptions"/> on start.</summary>
internal sealed class RedisReplayGuardOptionsValidator : IValidateOptions<RedisReplayGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisReplayGuardOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.KeyPrefix) || options.KeyPrefix.Length > 64)
        {
            failures.Add("RedisReplayGuard.KeyPrefix must be 1 to 64 characters.");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromDays(30))
        {
            failures.Add("RedisReplayGuard.Window must be between 1 second and 30 days.");
        }

        if (options.FallbackCacheSize < 1)
        {
            failures.Add("RedisReplayGuard.FallbackCacheSize must be positive.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromSeconds(10))
        {
            failures.Add("RedisReplayGuard.OperationTimeout must be positive and at most 10 seconds.");
        }

        if (options.RetryInterval <= TimeSpan.Zero || options.RetryInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("RedisReplayGuard.RetryInterval must be positive and at most 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
