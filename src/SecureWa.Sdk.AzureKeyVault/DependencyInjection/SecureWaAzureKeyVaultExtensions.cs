using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using SecureWa.Sdk.AzureKeyVault;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="AzureKeyVaultSecretProvider"/> as a secret source of the SDK.</summary>
public static class SecureWaAzureKeyVaultExtensions
{
    /// <summary>
    /// Adds Azure Key Vault as a secret source (chained after any provider added before it, and cached unless
    /// <c>DisableSecretCaching</c> is called). The vault is not called on start; the first read happens on first use.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="vaultUri">The vault, such as <c>https://contoso-whatsapp.vault.azure.net/</c>.</param>
    /// <param name="credential">The identity, for example <c>new ManagedIdentityCredential()</c>.</param>
    /// <param name="configure">Maps logical names to vault secret names, pins versions, sets client options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="vaultUri"/> or <paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="vaultUri"/> is not an absolute https URI.</exception>
    public static IHttpClientBuilder AddAzureKeyVaultSecrets(this IHttpClientBuilder builder, Uri vaultUri, TokenCredential credential, Action<AzureKeyVaultSecretProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!vaultUri.IsAbsoluteUri || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The vault URI must be an absolute https URI.", nameof(vaultUri));
        }

        var options = new AzureKeyVaultSecretProviderOptions();
        configure?.Invoke(options);
        return builder.AddSecretProvider(sp => new AzureKeyVaultSecretProvider(vaultUri, credential, options, sp.GetService<TimeProvider>()));
    }

    /// <summary>Adds Azure Key Vault as a secret source, over an existing <see cref="SecretClient"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="client">The client.</param>
    /// <param name="configure">Maps logical names to vault secret names and pins versions.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="client"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddAzureKeyVaultSecrets(this IHttpClientBuilder builder, SecretClient client, Action<AzureKeyVaultSecretProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(client);
        var options = new AzureKeyVaultSecretProviderOptions();
        configure?.Invoke(options);
        return builder.AddSecretProvider(sp => new AzureKeyVaultSecretProvider(client, options, sp.GetService<TimeProvider>()));
    }
}
