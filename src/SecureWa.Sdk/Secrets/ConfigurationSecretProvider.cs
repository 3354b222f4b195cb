using Microsoft.Extensions.Configuration;

namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Reads secrets from <see cref="IConfiguration"/>. Meant for development with
/// <see href="https://learn.microsoft.com/aspnet/core/security/app-secrets">dotnet user-secrets</see>
/// (<c>dotnet user-secrets set "WhatsApp:AccessToken" "..."</c>), which keeps tokens out of the source tree.
/// </summary>
/// <remarks>
/// Do not use it in production with secrets in <c>appsettings.json</c> or any file that is committed, copied
/// into images or readable by other users: use <see cref="FileSecretProvider"/> (secret volumes), environment
/// variables set by the platform, or a vault (the <c>SecureWa.Sdk.AzureKeyVault</c> package). Keys are read on
/// every call, so a configuration source that reloads (user-secrets does) rotates without a restart.
/// Empty or white-space-padded values are refused with an error naming the logical name and the key, never the value.
/// </remarks>
public sealed class ConfigurationSecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly IConfiguration _configuration;
    private readonly string _sectionName;
    private readonly Dictionary<string, string> _keys;

    /// <summary>Creates a provider.</summary>
    /// <param name="configuration">The configuration, with user-secrets among its sources.</param>
    /// <param name="options">The section and key mappings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key mapping is empty.</exception>
    public ConfigurationSecretProvider(IConfiguration configuration, ConfigurationSecretProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= new ConfigurationSecretProviderOptions();
        _configuration = configuration;
        _sectionName = options.SectionName ?? string.Empty;
        _keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, key) in options.Keys)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(options));
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(options));
            _keys[name] = key;
        }
    }

    /// <summary>The configuration key that holds a logical name.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns>The key, such as <c>WhatsApp:AccessToken</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is <see langword="null"/> or empty.</exception>
    public string GetKey(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _keys.TryGetValue(name, out var key) ? key
            : _sectionName.Length == 0 ? name
            : ConfigurationPath.Combine(_sectionName, name);
    }

    /// <summary>Tells whether the key of <paramref name="name"/> is present in the configuration.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when the key has a non-empty value.</returns>
    public bool CanProvide(string name) => !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(_configuration[GetKey(name)]);

    /// <inheritdoc />
    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        var key = GetKey(name);
        var value = _configuration[key];
        if (value is null)
        {
            return ValueTask.FromException<SecretValue>(new SecretNotFoundException(name, $"The configuration key '{key}' for the secret '{name}' is not set."));
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return ValueTask.FromException<SecretValue>(new SecretProviderException(name, $"The configuration key '{key}' for the secret '{name}' is empty."));
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return ValueTask.FromException<SecretValue>(new SecretProviderException(name, $"The configuration key '{key}' for the secret '{name}' has leading or trailing white space."));
        }

        return new ValueTask<SecretValue>(new SecretValue(value));
    }
}
