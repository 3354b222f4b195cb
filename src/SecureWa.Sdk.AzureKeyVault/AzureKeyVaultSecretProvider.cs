using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.AzureKeyVault;

/// <summary>
/// Reads secrets from Azure Key Vault through <see cref="SecretClient"/>: the latest version of each secret
/// (or a pinned one), with its version and expiry carried into <see cref="SecretValue"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every call reads the vault; put a <see cref="CachingSecretProvider"/> in front (DI does by default), which
/// refreshes ahead of <see cref="SecretValue.ExpiresOn"/> and shares one read among concurrent callers.</item>
/// <item>A secret that is disabled, expired (<c>exp</c>) or not yet valid (<c>nbf</c>) is refused. Key Vault itself
/// does not enforce <c>exp</c> on reads; this provider does.</item>
/// <item>HTTP 404 is a <see cref="SecretNotFoundException"/> (a chain moves on); 403 and every other failure is a
/// <see cref="SecretProviderException"/> whose message carries the status and Key Vault's error code, never a
/// value or a response body.</item>
/// <item>The identity needs the <c>Get</c> permission on secrets (the "Key Vault Secrets User" role).</item>
/// </list>
/// </remarks>
public sealed class AzureKeyVaultSecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly SecretClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, string> _versions;

    /// <summary>Creates a provider with its own <see cref="SecretClient"/>.</summary>
    /// <param name="vaultUri">The vault, such as <c>https://contoso-whatsapp.vault.azure.net/</c>.</param>
    /// <param name="credential">The identity (for example a managed identity credential from Azure.Identity).</param>
    /// <param name="options">Name mappings, pinned versions and client options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for expiry checks; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="vaultUri"/> or <paramref name="credential"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="vaultUri"/> is not an absolute https URI, or a mapping is not a valid Key Vault secret name.</exception>
    public AzureKeyVaultSecretProvider(Uri vaultUri, TokenCredential credential, AzureKeyVaultSecretProviderOptions? options = null, TimeProvider? timeProvider = null)
        : this(CreateClient(vaultUri, credential, options), options, timeProvider)
    {
    }

    /// <summary>Creates a provider over an existing <see cref="SecretClient"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Name mappings and pinned versions (its <see cref="AzureKeyVaultSecretProviderOptions.ClientOptions"/> are ignored).</param>
    /// <param name="timeProvider">The clock for expiry checks; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A mapping is not a valid Key Vault secret name.</exception>
    public AzureKeyVaultSecretProvider(SecretClient client, AzureKeyVaultSecretProviderOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new AzureKeyVaultSecretProviderOptions();
        _client = client;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, vaultName) in options.VaultSecretNames)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(options));
            if (!IsValidVaultSecretName(vaultName))
            {
                throw new ArgumentException($"The Key Vault secret name mapped to '{name}' must be 1 to 127 letters, digits and dashes.", nameof(options));
            }

            _names[name] = vaultName;
        }

        _versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, version) in options.PinnedVersions)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(options));
            if (string.IsNullOrEmpty(version) || !version.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"The pinned version of '{name}' must be a Key Vault version id (letters and digits).", nameof(options));
            }

            _versions[name] = version;
        }
    }

    /// <summary>The vault this provider reads.</summary>
    public Uri VaultUri => _client.VaultUri;

    /// <summary>Tells whether <paramref name="name"/> is mapped to a vault secret. Never calls the vault.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when mapped.</returns>
    public bool CanProvide(string name) => name is not null && _names.ContainsKey(name);

    /// <inheritdoc />
    public async ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.TryGetValue(name, out var vaultName))
        {
            throw new SecretNotFoundException(name, $"No Key Vault secret is mapped to the secret '{name}'.");
        }

        _versions.TryGetValue(name, out var version);
        var described = version is null ? $"'{vaultName}'" : $"'{vaultName}' (version '{version}')";
        KeyVaultSecret secret;
        try
        {
            var response = await _client.GetSecretAsync(vaultName, version, cancellationToken).ConfigureAwait(false);
            secret = response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new SecretNotFoundException(name, $"The Key Vault secret {described} for the secret '{name}' does not exist in {_client.VaultUri.Host} (HTTP 404, {ex.ErrorCode ?? "no error code"}).");
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            throw new SecretProviderException(name, $"Key Vault {_client.VaultUri.Host} refused to read {described} for the secret '{name}' (HTTP 403, {ex.ErrorCode ?? "no error code"}): grant the identity 'Get' on secrets (the 'Key Vault Secrets User' role), or the secret is disabled.");
        }
        catch (RequestFailedException ex)
        {
            // Not attached as the inner exception: its message carries the raw response body.
            throw new SecretProviderException(
                name,
                ex.Status == 0
                    ? $"Key Vault {_client.VaultUri.Host} could not be reached to read {described} for the secret '{name}' ({ex.InnerException?.GetType().Name ?? "no response"})."
                    : $"Key Vault {_client.VaultUri.Host} failed to read {described} for the secret '{name}' (HTTP {ex.Status}, {ex.ErrorCode ?? "no error code"}).",
                ex.Status == 0 ? ex.InnerException : null);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new SecretProviderException(name, $"The credential could not get a token for Key Vault {_client.VaultUri.Host} to read the secret '{name}'.", ex);
        }

        return ToSecretValue(name, described, secret);
    }

    private SecretValue ToSecretValue(string name, string described, KeyVaultSecret secret)
    {
        var properties = secret.Properties;
        if (properties.Enabled == false)
        {
            throw new SecretProviderException(name, $"The Key Vault secret {described} for the secret '{name}' is disabled.");
        }

        var now = _timeProvider.GetUtcNow();
        if (properties.ExpiresOn is { } expiresOn && expiresOn <= now)
        {
            throw new SecretProviderException(name, $"The Key Vault secret {described} (version '{properties.Version}') for the secret '{name}' expired at {expiresOn.ToString("O", CultureInfo.InvariantCulture)}.");
        }

        if (properties.NotBefore is { } notBefore && notBefore > now)
        {
            throw new SecretProviderException(name, $"The Key Vault secret {described} (version '{properties.Version}') for the secret '{name}' is not valid before {notBefore.ToString("O", CultureInfo.InvariantCulture)}.");
        }

        var value = secret.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SecretProviderException(name, $"The Key Vault secret {described} (version '{properties.Version}') for the secret '{name}' is empty.");
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new SecretProviderException(name, $"The Key Vault secret {described} (version '{properties.Version}') for the secret '{name}' has leading or trailing white space.");
        }

        return new SecretValue(value, properties.Version, properties.ExpiresOn);
    }

    private static SecretClient CreateClient(Uri vaultUri, TokenCredential credential, AzureKeyVaultSecretProviderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!vaultUri.IsAbsoluteUri || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The vault URI must be an absolute https URI.", nameof(vaultUri));
        }

        return options?.ClientOptions is { } clientOptions
            ? new SecretClient(vaultUri, credential, clientOptions)
            : new SecretClient(vaultUri, credential);
    }

    private static bool IsValidVaultSecretName(string? vaultName) =>
        !string.IsNullOrEmpty(vaultName) && vaultName.Length <= 127 && vaultName.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
