using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Redis;
using SecureWa.Sdk.Redis.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the SDK's rate limits and webhook replay guard on Redis, shared by every instance of the application.</summary>
public static class SecureWaRedisServiceCollectionExtensions
{
    /// <summary>
    /// Shares the per business number and per recipient limits of <c>WhatsAppClientOptions.RateLimiting</c> with every
    /// instance through Redis, connecting with <paramref name="connectionString"/> (started even while Redis is down).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string (for example <c>redis:6379,password=…</c>).</param>
    /// <param name="configure">Sets the options; <see cref="RedisRateLimitingOptions.InstanceCount"/> is required with the default policy.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IHttpClientBuilder UseRedisRateLimiting(this IHttpClientBuilder builder, string connectionString, Action<RedisRateLimitingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.TryAddSingleton<RedisConnections>();
        return UseRedisRateLimitingCore(builder, sp => sp.GetRequiredService<RedisConnections>().Get(connectionString), configure);
    }

    /// <summary>Shares the SDK's rate limits with every instance through Redis, on a connection the application owns.</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="connection">The connection (not disposed by the SDK). Prefer <c>AbortOnConnectFail = false</c> and <c>BacklogPolicy.FailFast</c>.</param>
    /// <param name="configure">Sets the options; <see cref="RedisRateLimitingOptions.InstanceCount"/> is required with the default policy.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder UseRedisRateLimiting(this IHttpClientBuilder builder, IConnectionMultiplexer connection, Action<RedisRateLimitingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(configure);
        return UseRedisRateLimitingCore(builder, _ => connection, configure);
    }

    /// <summary>
    /// Puts the webhook endpoint's replay guard on Redis (<see cref="RedisWebhookReplayGuard"/>), so a redelivery that
    /// lands on another instance is dropped; connects with <paramref name="connectionString"/>.
    /// </summary>
    /// <param name="services">The services (after or before <c>AddSecureWaWebhooks</c>).</param>
    /// <param name="connectionString">A StackExchange.Redis configuration string.</param>
    /// <param name="configure">Sets the options, or <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or empty.</exception>
    public static IServiceCollection UseRedisReplayGuard(this IServiceCollection services, string connectionString, Action<RedisReplayGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        services.TryAddSingleton<RedisConnections>();
        return UseRedisReplayGuardCore(services, sp => sp.GetRequiredService<RedisConnections>().Get(connectionString), configure);
    }

    /// <summary>Puts the webhook endpoint's replay guard on Redis, on a connection the application owns.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">The connection (not disposed by the SDK).</param>
    /// <param name="configure">Sets the options, or <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="connection"/> is <see langword="null"/>.</exception>
    public static IServiceCollection UseRedisReplayGuard(this IServiceCollection services, IConnectionMultiplexer connection, Action<RedisReplayGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        return UseRedisReplayGuardCore(services, _ => connection, configure);
    }

    private static IHttpClientBuilder UseRedisRateLimitingCore(IHttpClientBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisRateLimitingOptions> configure)
    {
        var services = builder.Services;
        services.AddOptions<RedisRateLimitingOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisRateLimitingOptions>, RedisRateLimitingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<SharedRateLimiter>();
        services.AddSingleton<SharedRateLimiter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisRateLimitingOptions>>().Value;
            var timeProvider = sp.GetRequiredService<TimeProvider>();
            var availability = new RedisAvailability("rate_limiter", options.UnavailablePolicy, options.RetryInterval, timeProvider, sp.GetServices<IRedisAvailabilityAlertSink>(), Logger(sp));
            var multiplexer = new Lazy<IConnectionMultiplexer>(() => connection(sp), LazyThreadSafetyMode.ExecutionAndPublication);
            return new RedisRateLimiter(() => multiplexer.Value, options, sp.GetRequiredService<ISecretProvider>(), timeProvider, availability);
        });
        return builder;
    }

    private static IServiceCollection UseRedisReplayGuardCore(IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisReplayGuardOptions>? configure)
    {
        var options = services.AddOptions<RedisReplayGuardOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisReplayGuardOptions>, RedisReplayGuardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IWebhookReplayGuard>();
        services.AddSingleton<IWebhookReplayGuard>(sp => new RedisWebhookReplayGuard(
            connection(sp),
            sp.GetRequiredService<IOptions<RedisReplayGuardOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<IRedisAvailabilityAlertSink>(),
            Logger(sp)));
        return services;
    }

    private static ILogger Logger(IServiceProvider serviceProvider) =>
        (serviceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("SecureWa.Sdk.Redis");
}
