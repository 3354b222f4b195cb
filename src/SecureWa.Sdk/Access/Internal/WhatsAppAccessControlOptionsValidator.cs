using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Access.Internal;

/// <summary>Fails start when the role map names an unknown permission or role.</summary>
internal sealed class WhatsAppAccessControlOptionsValidator : IValidateOptions<WhatsAppAccessControlOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppAccessControlOptions options)
    {
        var problems = WhatsAppRoleMap.Validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
