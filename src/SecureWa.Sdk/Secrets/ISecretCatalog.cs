namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Optionally implemented by an <see cref="ISecretProvider"/> to say, cheaply and without handing out a
/// value, whether it can serve a logical name. Used by the options validation that runs on start, so a
/// missing access token fails the application's start rather than its first message.
/// </summary>
/// <remarks>
/// Implementations answer from local state only: a mapping, an environment variable being set, a
/// configuration key being present, a file existing. They never call a remote service (a vault outage must
/// not stop an application from starting) and never keep or expose a value. A <see langword="true"/> answer is
/// not a promise: the secret is still read, and may still fail, on first use. Providers that do not
/// implement this interface are assumed to be able to serve every name.
/// </remarks>
public interface ISecretCatalog
{
    /// <summary>Tells whether the provider is configured to serve <paramref name="name"/>.</summary>
    /// <param name="name">The logical name, such as <see cref="SecretNames.AccessToken"/>.</param>
    /// <returns><see langword="true"/> when a lookup of <paramref name="name"/> can be expected to succeed.</returns>
    bool CanProvide(string name);
}
