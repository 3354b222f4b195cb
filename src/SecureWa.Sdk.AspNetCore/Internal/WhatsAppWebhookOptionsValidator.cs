using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>Validates <see cref="WhatsAppWebhookOptions"/> at start-up.</summary>
internal sealed class WhatsAppWebhookOptionsValidator : IValidateOptions<WhatsAppWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodySize < 1)
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.MaxBodySize)} must be at least 1 byte.");
        }

        if (options.MaxDepth is < 1 or > 256)
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.MaxDepth)} must be between 1 and 256.");
        }

        if (options.BodyReadTimeout <= TimeSpan.Zero || options.BodyReadTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.BodyReadTimeout)} must be positive and at most 10 minutes.");
        }

        if (options.ReplayWindow <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.ReplayWindow)} must be positive.");
        }

        if (options.ReplayCacheSize < 1)
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.ReplayCacheSize)} must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecretName))
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.AppSecretName)} is required.");
        }

        if (string.IsNullOrWhiteSpace(options.VerifyTokenName))
        {
            failures.Add($"{nameof(WhatsAppWebhookOptions.VerifyTokenName)} is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
