using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.AspNetCore.Internal;
using SecureWa.Sdk.Secrets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapWhatsAppWebhook</c>.</summary>
/// <remarks>
/// Also raises the log level of <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> to Warning (unless the application
/// set a level for that category): its Information lines carry each request's query string, and Meta's handshake
/// sends <c>hub.verify_token</c> there.
/// </remarks>
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
    /// <param name="configuration">The section holding <see cref="WhatsAppWebhookOptions"/>; a key that names no option fails the start. Secrets do not belong there: they come from an <see cref="ISecretProvider"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // A typo'd key (MaxBodySzie) fails on start naming the key, instead of being ignored silently.
        services.Configure<WhatsAppWebhookOptions>(configuration, static binder => binder.ErrorOnUnknownConfiguration = true);
        return AddSecureWaWebhooksCore(services);
    }

    private static IServiceCollection AddSecureWaWebhooksCore(IServiceCollection services)
    {
        services.AddOptions<WhatsAppWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppWebhookOptions>, WhatsAppWebhookOptionsValidator>());
        // Missing secrets fail the start, naming each one and where it was looked for (not every delivery with a 401).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppWebhookOptions>, WebhookSecretsValidator>(
            static sp => new WebhookSecretsValidator(sp.GetService<ISecretProvider>() ?? new EnvironmentSecretProvider())));
        services.AddLogging();
        // The hosting diagnostics log each request's query string at Information, and the handshake's query holds
        // hub.verify_token: raise that category to Warning unless the application chose a level for it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<Microsoft.Extensions.Logging.LoggerFilterOptions>, HostingQueryStringLogFilter>());
        services.TryAddSingleton(TimeProvider.System);
        // No ISecretProvider registration here: registering one would, when this runs before AddSecureWa(...),
        // silently win over the providers configured there (files, Key Vault, caching). The endpoint uses whatever
        // provider the application registered, in any order, and falls back to environment variables.
        services.TryAddSingleton(static sp => new WhatsAppWebhookEndpoint(
            sp.GetService<ISecretProvider>() ?? new EnvironmentSecretProvider(),
            sp.GetRequiredService<IOptions<WhatsAppWebhookOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetService<WebhookBodyBufferPool>() ?? WebhookBodyBufferPool.Shared,
            sp.GetService<SecureWa.Sdk.Alerts.ISecurityEventRecorder>(),
            sp.GetServices<SecureWa.Sdk.Webhooks.IWebhookNotificationObserver>(),
            sp.GetService<SecureWa.Sdk.Webhooks.IWebhookReplayGuard>()));
        return services;
    }
}
