using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>One provider added with <c>AddSecretProvider</c> and friends; several are chained in registration order.</summary>
internal sealed class SecretProviderRegistration(Func<IServiceProvider, ISecretProvider> factory)
{
    public Func<IServiceProvider, ISecretProvider> Factory { get; } = factory;
}
