using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.AspNetCore.Internal;
using SecureWa.Sdk.Secrets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapWhatsAppWebhook</c>.</summary>
public static class SecureWaWebhooksServiceCollectionExtensions
{
    /// <summary>Registers the webhook endpoint's services with default options.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddSecureWaWebhooksCore(services);
    }

    /// <summary>Registers the webhook endpoint's services and configures their options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaWebhooks(this IServiceCollection services, Action<WhatsAppWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddSecureWaWebhooksCore(services);
    }

    /// <summary>Registers the webhook endpoint's services and binds their options from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="WhatsAppWebhookOptions"/>. Secrets do not belong there: they come from an <see cref="ISecretProvider"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WhatsAppWebhookOptions>(configuration);
        return AddSecureWaWebhooksCore(services);
    }

    private static IServiceCollection AddSecureWaWebhooksCore(IServiceCollection services)
    {
        services.AddOptions<WhatsAppWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppWebhookOptions>, WhatsAppWebhookOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        // No ISecretProvider registration here: registering one would, when this runs before AddSecureWa(...),
        // silently win over the providers configured there (files, Key Vault, caching). The endpoint uses whatever
        // provider the application registered, in any order, and falls back to environment variables.
        services.TryAddSingleton(static sp => new WhatsAppWebhookEndpoint(
            sp.GetService<ISecretProvider>() ?? new EnvironmentSecretProvider(),
            sp.GetRequiredService<IOptions<WhatsAppWebhookOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetService<SecureWa.Sdk.Webhooks.IWebhookReplayGuard>()));
        return services;
    }
}
