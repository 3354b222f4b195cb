using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>
/// Fails the application's start when the secret provider cannot serve the app secret or the verify token: without
/// them every delivery would be answered 401 and every handshake 403. Asks <see cref="ISecretCatalog.CanProvide"/>
/// (local state only, never a vault call); providers that do not implement it are trusted. The message names each
/// missing secret and where it was looked for (variables, files, configuration keys), never a value.
/// </summary>
internal sealed class WebhookSecretsValidator(ISecretProvider secrets) : IValidateOptions<WhatsAppWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (secrets is not ISecretCatalog catalog)
        {
            return ValidateOptionsResult.Skip;
        }

        List<string>? failures = null;
        Check(options.AppSecretName, nameof(WhatsAppWebhookOptions.AppSecretName), "to verify X-Hub-Signature-256 on every delivery");
        Check(options.VerifyTokenName, nameof(WhatsAppWebhookOptions.VerifyTokenName), "to answer Meta's subscription handshake");
        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string secretName, string option, string why)
        {
            if (string.IsNullOrWhiteSpace(secretName) || catalog.CanProvide(secretName))
            {
                return;
            }

            (failures ??= []).Add(
                $"The webhook endpoint needs the secret '{secretName}' ({nameof(WhatsAppWebhookOptions)}.{option}) {why}, and no registered secret provider has it. " +
                $"Looked in: {string.Join("; ", Describe(secrets, secretName))}.");
        }
    }

    private static IEnumerable<string> Describe(ISecretProvider provider, string secretName)
    {
        switch (provider)
        {
            case ChainedSecretProvider chain:
                foreach (var inner in chain.Providers)
                {
                    foreach (var place in Describe(inner, secretName))
                    {
                        yield return place;
                    }
                }

                break;
            case CachingSecretProvider caching:
                foreach (var place in Describe(caching.InnerProvider, secretName))
                {
                    yield return place;
                }

                break;
            case EnvironmentSecretProvider environment:
                yield return environment.GetVariableName(secretName) is { } variable ? "environment variable " + variable : $"the environment (no variable is mapped to '{secretName}')";
                break;
            case FileSecretProvider files:
                yield return files.GetPath(secretName) is { } path ? "file " + path : $"files (no file is mapped to '{secretName}')";
                break;
            case ConfigurationSecretProvider configuration:
                yield return "configuration key " + configuration.GetKey(secretName);
                break;
            case InMemorySecretProvider:
                yield return "the in-memory secret provider";
                break;
            default:
                yield return provider.GetType().Name;
                break;
        }
    }
}
