using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.Sessions.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Operator session registration.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OperatorSessionService"/> (issue, validate, revoke operator sessions) with options set in code.
    /// The signing key comes from the registered <see cref="ISecretProvider"/>; revocations and last use go to the registered
    /// <see cref="IOperatorSessionStore"/> (<see cref="InMemoryOperatorSessionStore"/> when none is registered before).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaOperatorSessions(this IServiceCollection services, Action<OperatorSessionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddOperatorSessionsCore(services);
    }

    /// <summary>Registers <see cref="OperatorSessionService"/> with options bound from configuration. See <see cref="AddSecureWaOperatorSessions(IServiceCollection, Action{OperatorSessionOptions})"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="OperatorSessionOptions"/>; invalid values fail on start.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaOperatorSessions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<OperatorSessionOptions>(configuration);
        return AddOperatorSessionsCore(services);
    }

    private static IServiceCollection AddOperatorSessionsCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<OperatorSessionOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OperatorSessionOptions>, OperatorSessionOptionsValidator>(
            static sp => new OperatorSessionOptionsValidator(sp.GetRequiredService<WhatsAppRoleMap>())));
        services.TryAddSingleton(TimeProvider.System);
        AddRoleMap(services);
        services.TryAddSingleton<IOperatorSessionStore, InMemoryOperatorSessionStore>();
        services.TryAddSingleton(static sp => new OperatorSessionService(
            sp.GetRequiredService<IOptions<OperatorSessionOptions>>().Value,
            sp.GetRequiredService<ISecretProvider>(),
            sp.GetRequiredService<IOperatorSessionStore>(),
            sp.GetRequiredService<WhatsAppRoleMap>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetServices<IOperatorSessionEvents>(),
            sp.GetService<IWhatsAppOperatorAccessor>()));
        return services;
    }
}
