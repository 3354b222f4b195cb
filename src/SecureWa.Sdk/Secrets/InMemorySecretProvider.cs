using System.Collections.Concurrent;

namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Holds secrets in memory. Meant for tests and for applications that obtain secrets some other way;
/// <see cref="Set(string, string, DateTimeOffset?)"/> replaces a value at run time (rotation).
/// </summary>
public sealed class InMemorySecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly ConcurrentDictionary<string, SecretValue> _secrets = new(StringComparer.Ordinal);

    /// <summary>Creates an empty provider.</summary>
    public InMemorySecretProvider()
    {
    }

    /// <summary>Creates a provider holding the given secrets.</summary>
    /// <param name="secrets">Logical name to value.</param>
    /// <exception cref="ArgumentException">A value is empty or padded with white space.</exception>
    public InMemorySecretProvider(IEnumerable<KeyValuePair<string, string>> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var pair in secrets)
        {
            Set(pair.Key, pair.Value);
        }
    }

    /// <summary>Sets or replaces a secret.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="value">The value.</param>
    /// <param name="expiresOn">An optional expiry.</param>
    /// <exception cref="ArgumentException">The value is empty or padded with white space.</exception>
    public void Set(string name, string value, DateTimeOffset? expiresOn = null) => Set(name, value, version: null, expiresOn);

    /// <summary>Sets or replaces a secret, with a version.</summary>
    /// <param name="name">The logical name.</param>
    /// <param name="value">The value.</param>
    /// <param name="version">An optional version, reported by rotation events.</param>
    /// <param name="expiresOn">An optional expiry.</param>
    /// <exception cref="ArgumentException">The value is empty or padded with white space.</exception>
    public void Set(string name, string value, string? version, DateTimeOffset? expiresOn)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _secrets[name] = new SecretValue(value, version, expiresOn);
    }

    /// <summary>Removes a secret.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when it was present.</returns>
    public bool Remove(string name) => _secrets.TryRemove(name, out _);

    /// <summary>Tells whether a secret named <paramref name="name"/> is set.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when it is set.</returns>
    public bool CanProvide(string name) => name is not null && _secrets.ContainsKey(name);

    /// <inheritdoc />
    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        return _secrets.TryGetValue(name, out var value)
            ? new ValueTask<SecretValue>(value)
            : ValueTask.FromException<SecretValue>(new SecretNotFoundException(name, $"No in-memory secret named '{name}' is set."));
    }
}
