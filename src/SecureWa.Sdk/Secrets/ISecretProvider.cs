namespace SecureWa.Sdk.Secrets;

/// <summary>
/// A source of secrets by logical name (see <see cref="SecretNames"/>). Implementations map the logical
/// name to their own key (an environment variable, a file, a vault secret name) and may cache.
/// </summary>
/// <remarks>Implementations must be thread-safe and must never put a secret value in an exception message or a log.</remarks>
public interface ISecretProvider
{
    /// <summary>Gets the current value of a secret.</summary>
    /// <param name="name">The logical name, such as <see cref="SecretNames.AccessToken"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="SecretNotFoundException">The provider has no secret for <paramref name="name"/>.</exception>
    /// <exception cref="SecretProviderException">The secret exists but could not be read or is invalid.</exception>
    ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the provider that the value it last returned for <paramref name="name"/> was rejected
    /// (for instance a Graph error 190), so the next <see cref="GetSecretAsync"/> reads it afresh.
    /// Providers without a cache need not do anything.
    /// </summary>
    /// <param name="name">The logical name.</param>
    void Invalidate(string name)
    {
    }

    /// <summary>
    /// Tells the provider that <paramref name="rejectedValue"/> was rejected. Unlike
    /// <see cref="Invalidate(string)"/>, a caching provider drops its cached value only when it still is the
    /// rejected one, so a late failure of a request sent with an old token does not throw away a value that
    /// was refreshed in the meantime. The default implementation calls <see cref="Invalidate(string)"/>.
    /// </summary>
    /// <param name="name">The logical name.</param>
    /// <param name="rejectedValue">The value that was rejected.</param>
    void Invalidate(string name, SecretValue rejectedValue) => Invalidate(name);
}
