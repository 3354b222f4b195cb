using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Composes the handler chain for clients built without DI. The DI registration (<c>AddSecureWa</c>) composes the
/// same handlers, in the same order, through <c>IHttpClientBuilder</c> (there the resilience pipeline is added with
/// Microsoft.Extensions.Http.Resilience's <c>AddResilienceHandler</c>, and handlers an application adds sit between
/// rate limiting and authentication). Outer to inner: outcome mapping → resilience (total timeout → retry → circuit
/// breaker → attempt timeout) → per-attempt record → rate limiting → authentication (innermost: no other handler ever
/// sees the token or the proof) → primary (TLS policy).
/// </summary>
internal static class WhatsAppHttpPipeline
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddSecureWa</c>.</summary>
    public const string HttpClientName = "SecureWa.Sdk";

    public static HttpMessageHandler CreateHandlerChain(WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var primary = WhatsAppPrimaryHandlerFactory.Create(options.Transport, loggerFactory.CreateLogger(WhatsAppPrimaryHandlerFactory.LoggerCategory));
        return CreateHandlerChain(options, secretProvider, loggerFactory, timeProvider, primary);
    }

    /// <summary>
    /// The same chain over a given primary handler instead of the TLS one (benchmarks and tests: a handler that answers
    /// without the network). Every SDK handler above it is the real one.
    /// </summary>
    internal static HttpMessageHandler CreateHandlerChain(WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory loggerFactory, TimeProvider timeProvider, HttpMessageHandler primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var authentication = new AuthenticationHandler(secretProvider, options, loggerFactory.CreateLogger<AuthenticationHandler>()) { InnerHandler = primary };
        return WrapWithResilience(authentication, options, loggerFactory, timeProvider);
    }

    /// <summary>
    /// Puts rate limiting and resilience around <paramref name="inner"/>. On the system clock the rate limiters are the
    /// process-wide shared ones; with another clock (tests) the client gets, and disposes, its own.
    /// </summary>
    private static HttpMessageHandler WrapWithResilience(HttpMessageHandler inner, WhatsAppClientOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger("SecureWa.Sdk");
        var shared = ReferenceEquals(timeProvider, TimeProvider.System);
        var registry = shared ? RateLimiterRegistry.Shared : new RateLimiterRegistry(timeProvider);
        var rateLimiting = new RateLimitingHandler(registry, options, logger, ownsRegistry: !shared) { InnerHandler = inner };
        return new ResilienceHandler(new ResiliencePipelines(options.Resilience, timeProvider, logger), logger) { InnerHandler = rateLimiting };
    }
}
