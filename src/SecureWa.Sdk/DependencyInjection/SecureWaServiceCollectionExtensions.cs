using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SecureWa.Sdk <see cref="WhatsAppClient"/> and its secure HTTP pipeline.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>Registers <see cref="WhatsAppClient"/> with default options (bind or configure them elsewhere).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, to add handlers of your own.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecureWa(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddSecureWaCore(services);
    }

    /// <summary>Registers <see cref="WhatsAppClient"/> and configures its options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, to add handlers of your own.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecureWa(this IServiceCollection services, Action<WhatsAppClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddSecureWaCore(services);
    }

    /// <summary>Registers <see cref="WhatsAppClient"/> and binds its options from configuration (for example the <c>WhatsApp</c> section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="WhatsAppClientOptions"/>. Keep secrets out of it: they come from an <see cref="ISecretProvider"/>.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, to add handlers of your own.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecureWa(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // A typo'd key (BaseAdress) must not be ignored silently: calls would go to the real Graph with the real token.
        services.Configure<WhatsAppClientOptions>(configuration, static binder => binder.ErrorOnUnknownConfiguration = true);
        return AddSecureWaCore(services);
    }

    private static IHttpClientBuilder AddSecureWaCore(IServiceCollection services)
    {
        services.AddOptions<WhatsAppClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppClientOptions>, WhatsAppClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        AddSecretProviderCore(services);
        AddResilienceServices(services);

        // Outer to inner, as in WhatsAppHttpPipeline: resilience → rate limiting → [handlers the application adds] →
        // authentication → primary (TLS policy). The SDK's handler-builder filter (SecureWaHandlerChainFilter) wraps the
        // primary handler in authentication once every configuration action ran, so it stays innermost whatever handlers
        // are added later: none of them ever sees the token or the appsecret_proof.
        var builder = services
            .AddHttpClient(WhatsAppHttpPipeline.HttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static sp => WhatsAppPrimaryHandlerFactory.Create(Options(sp).Transport, sp.GetService<ILoggerFactory>()?.CreateLogger(WhatsAppPrimaryHandlerFactory.LoggerCategory)));
        AddResilienceHandlers(builder);
        builder.AddHttpMessageHandler(CreateRateLimitingHandler);

        // The factory's default loggers write full request URIs; the SDK logs on its own, redacted.
        builder.RemoveAllLoggers();

        // The governance policies (access, consent, audit, detectors) registered as WhatsAppOperationPolicy singletons;
        // none registered: the pipeline is empty and costs nothing.
        services.TryAddSingleton(static sp => new OperationPipeline(
            sp.GetServices<WhatsAppOperationPolicy>(),
            sp.GetService<IWhatsAppOperatorAccessor>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>()?.CreateLogger("SecureWa.Sdk.Governance") ?? (ILogger)Logging.Abstractions.NullLogger.Instance));
        services.TryAddTransient(static sp => new WhatsAppClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WhatsAppHttpPipeline.HttpClientName),
            Options(sp),
            sp.GetRequiredService<ISecretProvider>(),
            sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance,
            sp.GetRequiredService<OperationPipeline>(),
            sp.GetService<SecureWa.Sdk.Alerts.ISecurityEventRecorder>()));
        return builder;
    }

    private static WhatsAppClientOptions Options(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().CurrentValue;
}
