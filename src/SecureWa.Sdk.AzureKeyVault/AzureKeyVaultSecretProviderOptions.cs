using Azure.Security.KeyVault.Secrets;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.AzureKeyVault;

/// <summary>Settings of an <see cref="AzureKeyVaultSecretProvider"/>.</summary>
public sealed class AzureKeyVaultSecretProviderOptions
{
    /// <summary>
    /// Logical name to Key Vault secret name (1 to 127 letters, digits and dashes). Defaults:
    /// <see cref="SecretNames.AccessToken"/> → <c>whatsapp-access-token</c>, <see cref="SecretNames.AppSecret"/> →
    /// <c>whatsapp-app-secret</c>, <see cref="SecretNames.WebhookVerifyToken"/> → <c>whatsapp-webhook-verify-token</c>.
    /// Logical names not listed are not served.
    /// </summary>
    public IDictionary<string, string> VaultSecretNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SecretNames.AccessToken] = "whatsapp-access-token",
        [SecretNames.AppSecret] = "whatsapp-app-secret",
        [SecretNames.WebhookVerifyToken] = "whatsapp-webhook-verify-token",
    };

    /// <summary>
    /// Logical name to a pinned secret version (the 32-character version id). A logical name not listed reads the
    /// latest version, which is what rotation needs; pin only to hold a value back deliberately.
    /// </summary>
    public IDictionary<string, string> PinnedVersions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Options of the <see cref="SecretClient"/> the provider creates (retries, transport, diagnostics); only used
    /// by the constructor that takes a vault URI and a credential.
    /// </summary>
    public SecretClientOptions? ClientOptions { get; set; }
}
