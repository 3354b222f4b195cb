using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>Validates <see cref="FlowTokenOptions"/> at start-up.</summary>
internal sealed class FlowTokenOptionsValidator : IValidateOptions<FlowTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, FlowTokenOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeySecretName))
        {
            failures.Add($"{nameof(FlowTokenOptions.KeySecretName)} is required.");
        }

        if (options.Lifetime <= TimeSpan.Zero || options.Lifetime > TimeSpan.FromDays(90))
        {
            failures.Add($"{nameof(FlowTokenOptions.Lifetime)} must be positive and at most 90 days.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{nameof(FlowTokenOptions.ClockSkew)} must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
