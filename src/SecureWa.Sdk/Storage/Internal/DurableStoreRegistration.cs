using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.Sessions.Internal;

namespace SecureWa.Sdk.Storage.Internal;

/// <summary>
/// Points the operator session store and the consent store at the registered <see cref="ISecureWaStore"/>: registers the
/// durable ones, replacing the in-memory defaults when those were registered first, and leaving a store the application
/// registered itself in place.
/// </summary>
internal static class DurableStoreRegistration
{
    public static void Add(IServiceCollection services)
    {
        ReplaceDefault<IOperatorSessionStore, InMemoryOperatorSessionStore>(services, static sp => new DbOperatorSessionStore(sp.GetRequiredService<ISecureWaStore>()));
        ReplaceDefault<IConsentStore, InMemoryConsentStore>(services, static sp => new DbConsentStore(sp.GetRequiredService<ISecureWaStore>()));
    }

    private static void ReplaceDefault<TService, TInMemory>(IServiceCollection services, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(TService));
        if (existing is null)
        {
            services.AddSingleton(factory);
        }
        else if (existing.ImplementationType == typeof(TInMemory))
        {
            services.Replace(ServiceDescriptor.Singleton(factory));
        }
    }
}
