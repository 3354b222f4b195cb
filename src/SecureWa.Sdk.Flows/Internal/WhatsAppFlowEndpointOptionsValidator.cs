using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>Validates <see cref="WhatsAppFlowEndpointOptions"/> at start-up.</summary>
internal sealed class WhatsAppFlowEndpointOptionsValidator : IValidateOptions<WhatsAppFlowEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppFlowEndpointOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodySize is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{nameof(WhatsAppFlowEndpointOptions.MaxBodySize)} must be between 1 KiB and 64 MiB.");
        }

        if (options.ReadTimeout <= TimeSpan.Zero || options.ReadTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{nameof(WhatsAppFlowEndpointOptions.ReadTimeout)} must be positive and at most 1 minute.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeySecretName))
        {
            failures.Add($"{nameof(WhatsAppFlowEndpointOptions.PrivateKeySecretName)} is required.");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecretName))
        {
            failures.Add($"{nameof(WhatsAppFlowEndpointOptions.AppSecretName)} is required.");
        }

        if (options.RequireValidFlowToken && string.IsNullOrWhiteSpace(options.InvalidFlowTokenMessage))
        {
            failures.Add($"{nameof(WhatsAppFlowEndpointOptions.InvalidFlowTokenMessage)} is required when {nameof(WhatsAppFlowEndpointOptions.RequireValidFlowToken)} is set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
