using Microsoft.Extensions.Options;
using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>Validates <see cref="TokenHealthOptions"/> on start.</summary>
internal sealed class TokenHealthOptionsValidator : IValidateOptions<TokenHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenHealthOptions options)
    {
        var failures = new List<string>();
        options.Validate(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
