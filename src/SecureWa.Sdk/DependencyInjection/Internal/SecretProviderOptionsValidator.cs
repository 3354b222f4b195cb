using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>
/// Fails on start when no registered provider can serve a secret the options require: the access token always,
/// the app secret when <see cref="WhatsAppClientOptions.UseAppSecretProof"/> is on. Asks
/// <see cref="ISecretCatalog.CanProvide"/>, which answers from local state (a mapping, a variable, a file's
/// existence) and never calls a vault; providers that do not implement it are trusted.
/// </summary>
internal sealed class SecretProviderOptionsValidator(ISecretProvider secretProvider) : IValidateOptions<WhatsAppClientOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (secretProvider is not ISecretCatalog catalog)
        {
            return ValidateOptionsResult.Skip;
        }

        List<string>? failures = null;
        if (!catalog.CanProvide(SecretNames.AccessToken))
        {
            (failures ??= []).Add(Missing(SecretNames.AccessToken, "every call sends it as the bearer token"));
        }

        if (options.UseAppSecretProof && !catalog.CanProvide(SecretNames.AppSecret))
        {
            (failures ??= []).Add(Missing(SecretNames.AppSecret, "UseAppSecretProof is on"));
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Missing(string secretName, string why) =>
        $"No secret provider can serve the secret '{secretName}', which is required because {why}. " +
        "On the builder returned by AddSecureWa, add one with AddEnvironmentSecrets, AddFileSecrets, AddConfigurationSecrets, " +
        "AddAzureKeyVaultSecrets or AddSecretProvider, and make sure the variable, file or key it reads is present " +
        "(with none added, the environment variables WHATSAPP_ACCESS_TOKEN and WHATSAPP_APP_SECRET are read).";
}
