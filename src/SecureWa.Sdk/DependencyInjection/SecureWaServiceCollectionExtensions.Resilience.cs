using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Rate limiting and resilience registrations of <c>AddSecureWa</c>.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// The rate limiters and the resilience pipelines are singletons: every client of the container shares the
    /// per phone number and per recipient limits and one circuit breaker, even as the factory rotates handlers.
    /// The container disposes the registry; the handlers do not.
    /// </summary>
    private static void AddResilienceServices(IServiceCollection services)
    {
        services.TryAddSingleton(static sp => new RateLimiterRegistry(sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Adds the SDK's resilience to its client, outer to inner: the outcome handler (delivery unknown, timeouts, circuit
    /// open) → Microsoft.Extensions.Http.Resilience's handler with the SDK's pipeline (total timeout → retry → circuit
    /// breaker → attempt timeout) → the per-attempt record the pipeline decides on. Resilience handlers the host put on
    /// every client (<c>ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler())</c>, as the .NET Aspire
    /// service defaults do) are removed once the client is configured (<see cref="SecureWa.Sdk.DependencyInjection.Internal.SecureWaHandlerChainFilter"/>):
    /// their retries would resend messages.
    /// </summary>
    private static void AddResilienceHandlers(IHttpClientBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter, SecureWa.Sdk.DependencyInjection.Internal.SecureWaHandlerChainFilter>());
        builder.AddHttpMessageHandler(static sp => new ResilienceHandler(SdkLogger(sp)));
        builder.AddResilienceHandler(ResiliencePipelines.HandlerName, static (pipeline, context) =>
        {
            context.EnableReloads<WhatsAppClientOptions>();
            var options = context.GetOptions<WhatsAppClientOptions>();
            ResiliencePipelines.Configure(pipeline, options.Resilience, SdkLogger(context.ServiceProvider));
        });
        builder.AddHttpMessageHandler(static sp => new ResilienceAttemptHandler(sp.GetRequiredService<TimeProvider>()));
    }

    private static DelegatingHandler CreateRateLimitingHandler(IServiceProvider serviceProvider) =>
        new RateLimitingHandler(
            serviceProvider.GetRequiredService<RateLimiterRegistry>(),
            serviceProvider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().CurrentValue,
            SdkLogger(serviceProvider),
            shared: serviceProvider.GetService<SharedRateLimiter>());

    private static ILogger SdkLogger(IServiceProvider serviceProvider) =>
        (serviceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("SecureWa.Sdk");
}
