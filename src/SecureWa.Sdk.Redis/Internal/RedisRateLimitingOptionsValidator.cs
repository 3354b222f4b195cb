using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Redis.Internal;

/// <summary>Validates <see cref="RedisRateLimitingOptions"/> on start.</summary>
internal sealed class RedisRateLimitingOptionsValidator : IValidateOptions<RedisRateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisRateLimitingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.KeyPrefix) || options.KeyPrefix.Length > 64)
        {
            failures.Add("RedisRateLimiting.KeyPrefix must be 1 to 64 characters.");
        }

        if (options.UnavailablePolicy == RedisUnavailablePolicy.FallBackToLocal && options.FallbackShare is null && options.InstanceCount < 1)
        {
            failures.Add("RedisRateLimiting.InstanceCount must be set (the number of instances sharing the limits; each applies 1/InstanceCount of them while Redis is unreachable), or set FallbackShare.");
        }

        if (options.InstanceCount < 0)
        {
            failures.Add("RedisRateLimiting.InstanceCount must not be negative.");
        }

        if (options.FallbackShare is { } share && (double.IsNaN(share) || share <= 0 || share > 1))
        {
            failures.Add("RedisRateLimiting.FallbackShare must be greater than 0 and at most 1.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromSeconds(10))
        {
            failures.Add("RedisRateLimiting.OperationTimeout must be positive and at most 10 seconds.");
        }

        if (options.RetryInterval <= TimeSpan.Zero || options.RetryInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("RedisRateLimiting.RetryInterval must be positive and at most 5 minutes.");
        }

        if (string.IsNullOrWhiteSpace(options.RecipientHashSecretName))
        {
            failures.Add("RedisRateLimiting.RecipientHashSecretName must name a secret every instance shares.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
