using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Access.Internal;
using SecureWa.Sdk.Governance;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Access control registration.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Enables access control with the built-in roles: every operation of the <c>WhatsAppClient</c> from DI then needs an
    /// operator (<c>client.ForOperator(...)</c> or an <see cref="IWhatsAppOperatorAccessor"/>) whose roles grant its
    /// permission; a call without one is denied (fail closed). Register an <see cref="IConversationAssignment"/> to
    /// limit agents to their own conversations.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaAccessControl(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddAccessControlCore(services);
    }

    /// <summary>Enables access control and configures the role map in code. See <see cref="AddSecureWaAccessControl(IServiceCollection)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaAccessControl(this IServiceCollection services, Action<WhatsAppAccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddAccessControlCore(services);
    }

    /// <summary>Enables access control and binds the role map from configuration. See <see cref="AddSecureWaAccessControl(IServiceCollection)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="WhatsAppAccessControlOptions"/>; unknown permission or role names fail on start.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaAccessControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WhatsAppAccessControlOptions>(configuration);
        return AddAccessControlCore(services);
    }

    private static IServiceCollection AddAccessControlCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<WhatsAppAccessControlOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppAccessControlOptions>, WhatsAppAccessControlOptionsValidator>(static sp => new WhatsAppAccessControlOptionsValidator(
            sp.GetService<ILoggerFactory>()?.CreateLogger("SecureWa.Sdk.Access"),
            sp.GetService<IServiceProviderIsService>()?.IsService(typeof(IConversationAssignment)) ?? true)));
        AddRoleMap(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<WhatsAppOperationPolicy, AccessControlPolicy>(static sp => new AccessControlPolicy(
            sp.GetRequiredService<WhatsAppRoleMap>(),
            sp.GetService<IConversationAssignment>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("SecureWa.Sdk.Access") ?? (ILogger)NullLogger.Instance)));
        return services;
    }

    private static void AddRoleMap(IServiceCollection services) =>
        services.TryAddSingleton(static sp => new WhatsAppRoleMap(sp.GetRequiredService<IOptions<WhatsAppAccessControlOptions>>().Value));
}
