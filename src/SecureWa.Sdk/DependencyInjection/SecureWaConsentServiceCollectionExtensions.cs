using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the consent ledger, the consent policy and the conversational opt-out.</summary>
public static class SecureWaConsentServiceCollectionExtensions
{
    /// <summary>
    /// Adds consent: the <see cref="IConsentLedger"/> (in-memory store unless an <see cref="IConsentStore"/> is registered),
    /// the consent policy in the governance pipeline, the webhook observer (opt-out keywords, service window) and
    /// <see cref="ConsentClient"/>. Needs the pseudonym secret (<see cref="ConsentOptions.PseudonymSecretName"/>) in the
    /// registered <see cref="ISecretProvider"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaConsent(this IServiceCollection services, Action<ConsentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Adds consent with options bound from <paramref name="configuration"/> (see the other overload).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section of <see cref="ConsentOptions"/>.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaConsent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ConsentOptions>(configuration);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<ConsentOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsentOptions>, ConsentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConsentStore, InMemoryConsentStore>();
        services.TryAddSingleton<IRecipientPseudonymizer>(static sp => new HmacRecipientPseudonymizer(
            sp.GetService<ISecretProvider>() ?? new EnvironmentSecretProvider(),
            sp.GetRequiredService<IOptions<ConsentOptions>>().Value.PseudonymSecretName));
        services.TryAddSingleton<ICustomerServiceWindow>(static sp => new InMemoryCustomerServiceWindow(
            sp.GetRequiredService<IOptions<ConsentOptions>>().Value.ServiceWindowMaxEntries));
        services.TryAddSingleton<IConsentLedger>(static sp => new ConsentLedger(
            sp.GetRequiredService<IConsentStore>(),
            sp.GetRequiredService<IRecipientPseudonymizer>(),
            sp.GetRequiredService<IOptions<ConsentOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IConsentEvents>(),
            sp.GetRequiredService<ICustomerServiceWindow>(),
            sp.GetService<ILogger<ConsentLedger>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<WhatsAppOperationPolicy, ConsentPolicy>(static sp => new ConsentPolicy(
            sp.GetRequiredService<IConsentLedger>(),
            sp.GetRequiredService<IRecipientPseudonymizer>(),
            sp.GetRequiredService<ICustomerServiceWindow>(),
            sp.GetRequiredService<IOptions<ConsentOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp, "SecureWa.Sdk.Consent"),
            sp.GetService<ITemplateCategoryResolver>(),
            sp.GetServices<IConsentRefusalObserver>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookNotificationObserver, ConsentWebhookObserver>(static sp => new ConsentWebhookObserver(
            sp.GetRequiredService<IConsentLedger>(),
            sp.GetRequiredService<IRecipientPseudonymizer>(),
            sp.GetRequiredService<ICustomerServiceWindow>(),
            sp.GetRequiredService<IOptions<ConsentOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            Logger(sp, "SecureWa.Sdk.Consent.Webhooks"),
            sp.GetService<IServiceScopeFactory>())));
        services.TryAddSingleton(static sp => new ConsentClient(sp.GetRequiredService<IConsentLedger>(), sp.GetService<OperationPipeline>()));
        return services;
    }

    private static ILogger Logger(IServiceProvider sp, string category) =>
        sp.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;
}
