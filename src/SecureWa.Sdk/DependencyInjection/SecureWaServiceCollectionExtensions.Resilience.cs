using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk;
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
        services.TryAddSingleton(static sp => new ResiliencePipelines(
            sp.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().CurrentValue.Resilience,
            sp.GetRequiredService<TimeProvider>(),
            SdkLogger(sp)));
    }

    private static DelegatingHandler CreateResilienceHandler(IServiceProvider serviceProvider) =>
        new ResilienceHandler(serviceProvider.GetRequiredService<ResiliencePipelines>(), SdkLogger(serviceProvider));

    private static DelegatingHandler CreateRateLimitingHandler(IServiceProvider serviceProvider) =>
        new RateLimitingHandler(
            serviceProvider.GetRequiredService<RateLimiterRegistry>(),
            serviceProvider.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().CurrentValue,
            SdkLogger(serviceProvider));

    private static ILogger SdkLogger(IServiceProvider serviceProvider) =>
        (serviceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("SecureWa.Sdk");
}
