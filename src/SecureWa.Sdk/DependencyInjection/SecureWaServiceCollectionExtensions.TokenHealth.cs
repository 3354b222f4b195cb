using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.DependencyInjection.Internal;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tokens;
using SecureWa.Sdk.Tokens.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SecureWa.Sdk token health check.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TokenHealth"/> for the SDK's client, the periodic hosted check (every
    /// <see cref="TokenHealthOptions.CheckInterval"/>, 6 hours by default) and an in-memory
    /// <see cref="ITokenFirstSeenStore"/> (register your own first to persist it). Findings become security alerts: this
    /// also registers the detectors and the default sink as <c>AddSecureWaSecurityAlerts()</c> does (configure them with
    /// that method, before or after). Expose the result with
    /// <c>services.AddHealthChecks().AddSecureWaTokenHealth()</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddSecureWa(...)</c> returned.</param>
    /// <param name="configure">Sets the options (app id, warning window, rotation period, management usage); optional.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="builder"/> is not the builder of the SDK's client.</exception>
    public static IHttpClientBuilder AddTokenHealthCheck(this IHttpClientBuilder builder, Action<TokenHealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.Equals(builder.Name, WhatsAppHttpPipeline.HttpClientName, StringComparison.Ordinal))
        {
            throw new ArgumentException("AddTokenHealthCheck applies to the builder AddSecureWa(...) returns.", nameof(builder));
        }

        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<TokenHealthOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenHealthOptions>, TokenHealthOptionsValidator>());
        services.TryAddSingleton<ITokenFirstSeenStore, InMemoryTokenFirstSeenStore>();

        // Findings go to the alert sinks: the detectors with their defaults unless AddSecureWaSecurityAlerts(...) configured them.
        AddSecurityAlertsCore(services);
        if (services.Any(static d => d.ServiceType == typeof(TokenHealth)))
        {
            return builder;
        }

        services.AddSingleton(static sp =>
        {
            var clientOptions = Options(sp);
            var recorder = sp.GetService<ISecurityEventRecorder>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var secrets = sp.GetRequiredService<ISecretProvider>();
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance;

            // A client per check, built like the registered one but not owned by the container (it owns nothing to dispose).
            return new TokenHealth(
                // The periodic check is the SDK's own call, not an operator's: outside the governance pipeline (its findings are alerts).
                () => new WhatsAppClient(factory.CreateClient(WhatsAppHttpPipeline.HttpClientName), Options(sp), secrets, loggerFactory, governance: null, recorder).Tokens,
                sp.GetRequiredService<IOptions<TokenHealthOptions>>().Value,
                clientOptions.BusinessAccountId,
                sp.GetRequiredService<ITokenFirstSeenStore>(),
                recorder,
                sp.GetService<TimeProvider>(),
                loggerFactory.CreateLogger<TokenHealth>());
        });
        services.AddHostedService(static sp => new TokenHealthMonitor(
            sp.GetRequiredService<TokenHealth>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<TokenHealthMonitor>>()));
        return builder;
    }
}
