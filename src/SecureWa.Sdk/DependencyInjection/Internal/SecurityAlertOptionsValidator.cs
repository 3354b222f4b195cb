using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;

namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>Validates <see cref="SecurityAlertOptions"/> on start.</summary>
internal sealed class SecurityAlertOptionsValidator : IValidateOptions<SecurityAlertOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityAlertOptions options)
    {
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
