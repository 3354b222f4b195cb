namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Tries several providers in order (for example files first, then a vault) and returns the first secret found.
/// </summary>
/// <remarks>
/// Only <see cref="SecretNotFoundException"/> moves on to the next provider. Any other failure (an unreadable or
/// world-readable file, an empty or padded value, a vault that answers 403) stops the chain and is thrown: a
/// secret that exists but is broken is a fault to fix, and silently falling back to another source would hide
/// it and could serve a stale or less protected value.
/// </remarks>
public sealed class ChainedSecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly ISecretProvider[] _providers;

    /// <summary>Creates the chain.</summary>
    /// <param name="providers">The providers, first tried first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providers"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="providers"/> is empty.</exception>
    public ChainedSecretProvider(params ISecretProvider[] providers)
        : this((IEnumerable<ISecretProvider>)providers)
    {
    }

    /// <summary>Creates the chain.</summary>
    /// <param name="providers">The providers, first tried first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providers"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="providers"/> is empty.</exception>
    public ChainedSecretProvider(IEnumerable<ISecretProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers.ToArray();
        if (_providers.Length == 0)
        {
            throw new ArgumentException("A chain needs at least one provider.", nameof(providers));
        }

        foreach (var provider in _providers)
        {
            ArgumentNullException.ThrowIfNull(provider, nameof(providers));
        }
    }

    /// <summary>The providers, in the order they are tried.</summary>
    public IReadOnlyList<ISecretProvider> Providers => _providers;

    /// <summary>Tells whether any provider in the chain can serve <paramref name="name"/> (a provider that cannot tell counts as able).</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when some provider can.</returns>
    public bool CanProvide(string name)
    {
        foreach (var provider in _providers)
        {
            if (provider is not ISecretCatalog catalog || catalog.CanProvide(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        List<string>? misses = null;
        foreach (var provider in _providers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await provider.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (SecretNotFoundException ex)
            {
                (misses ??= []).Add(ex.Message);
            }
        }

        throw new SecretNotFoundException(name, $"None of the {_providers.Length} chained providers has the secret '{name}': {string.Join(" ", misses!)}");
    }

    /// <inheritdoc />
    public void Invalidate(string name)
    {
        foreach (var provider in _providers)
        {
            provider.Invalidate(name);
        }
    }

    /// <inheritdoc />
    public void Invalidate(string name, SecretValue rejectedValue)
    {
        foreach (var provider in _providers)
        {
            provider.Invalidate(name, rejectedValue);
        }
    }
}
