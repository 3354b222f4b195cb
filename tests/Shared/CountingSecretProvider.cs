using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// A caching secret provider over a mutable "source" that counts source reads and invalidations,
/// like a vault-backed provider with a cache in front.
/// </summary>
internal sealed class CountingSecretProvider : ISecretProvider
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _source = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecretValue> _cache = new(StringComparer.Ordinal);
    private int _sourceReads;
    private int _invalidations;

    public int SourceReads => Volatile.Read(ref _sourceReads);

    public int Invalidations => Volatile.Read(ref _invalidations);

    public void SetSource(string name, string value)
    {
        lock (_gate)
        {
            _source[name] = value;
        }
    }

    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_cache.TryGetValue(name, out var value))
            {
                if (name == SecretNames.AccessToken)
                {
                    _sourceReads++;
                }

                value = new SecretValue(_source[name]);
                _cache[name] = value;
            }

            return new ValueTask<SecretValue>(value);
        }
    }

    public void Invalidate(string name)
    {
        lock (_gate)
        {
            _invalidations++;
            _cache.Remove(name);
        }
    }
}
