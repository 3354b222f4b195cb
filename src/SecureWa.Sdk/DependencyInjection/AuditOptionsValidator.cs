using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Audit;

namespace SecureWa.Sdk.DependencyInjection;

/// <summary>Validates <see cref="AuditOptions"/> on start.</summary>
public sealed partial class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.KeyId is null || !KeyIdPattern().IsMatch(options.KeyId))
        {
            failures.Add("AuditOptions.KeyId must be 1 to 64 letters, digits, '_', '-' or '.'.");
        }

        if (options.ContentKeyId is null || !KeyIdPattern().IsMatch(options.ContentKeyId))
        {
            failures.Add("AuditOptions.ContentKeyId must be 1 to 64 letters, digits, '_', '-' or '.'.");
        }

        if (options.CheckpointEvery < 0)
        {
            failures.Add("AuditOptions.CheckpointEvery must be 0 (timer only) or more.");
        }

        if (options.CheckpointInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("AuditOptions.CheckpointInterval must be at least one second.");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("AuditOptions.PurgeInterval must be at least one minute.");
        }

        foreach (var pair in options.Retention)
        {
            if (pair.Value < TimeSpan.FromDays(1))
            {
                failures.Add($"AuditOptions.Retention[{pair.Key}] must be at least one day.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
