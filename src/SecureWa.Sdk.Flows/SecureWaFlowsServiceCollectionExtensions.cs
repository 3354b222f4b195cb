using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Flows.Internal;
using SecureWa.Sdk.Secrets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapWhatsAppFlowEndpoint</c> and the <see cref="FlowTokenProtector"/>.</summary>
/// <remarks>
/// Secrets come from the <see cref="ISecretProvider"/> the application registered (with <c>AddSecureWa</c>), else from
/// environment variables (<c>WHATSAPP_FLOWS_PRIVATE_KEY</c>, <c>WHATSAPP_FLOWS_PRIVATE_KEY_PASSPHRASE</c>,
/// <c>WHATSAPP_APP_SECRET</c>, <c>WHATSAPP_FLOW_TOKEN_KEY</c>): the private key PEM (<see cref="FlowSecretNames.PrivateKey"/>),
/// its optional passphrase, the app secret, and the flow token key. Configure the token protector with <c>services.Configure&lt;FlowTokenOptions&gt;(…)</c>.
/// </remarks>
public static class SecureWaFlowsServiceCollectionExtensions
{
    /// <summary>Registers the flow endpoint's services with default options.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaFlows(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddSecureWaFlowsCore(services);
    }

    /// <summary>Registers the flow endpoint's services and configures their options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the endpoint options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaFlows(this IServiceCollection services, Action<WhatsAppFlowEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddSecureWaFlowsCore(services);
    }

    /// <summary>Registers the flow endpoint's services and binds their options from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="WhatsAppFlowEndpointOptions"/> (names of secrets, never the secrets).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaFlows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WhatsAppFlowEndpointOptions>(configuration);
        return AddSecureWaFlowsCore(services);
    }

    private static IServiceCollection AddSecureWaFlowsCore(IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<WhatsAppFlowEndpointOptions, WhatsAppFlowEndpointOptionsValidator>();
        services.AddOptionsWithValidateOnStart<FlowTokenOptions, FlowTokenOptionsValidator>();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        // As for webhooks: no ISecretProvider registration here, so one configured by AddSecureWa(...) wins in any order.
        services.TryAddSingleton(static sp => new FlowTokenProtector(
            sp.GetService<ISecretProvider>() ?? CreateEnvironmentProvider(),
            sp.GetRequiredService<IOptions<FlowTokenOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new WhatsAppFlowEndpoint(
            sp.GetService<ISecretProvider>() ?? CreateEnvironmentProvider(),
            sp.GetRequiredService<IOptions<WhatsAppFlowEndpointOptions>>(),
            sp.GetRequiredService<FlowTokenProtector>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    private static EnvironmentSecretProvider CreateEnvironmentProvider() => new(
    [
        new(FlowSecretNames.PrivateKey, "WHATSAPP_FLOWS_PRIVATE_KEY"),
        new(FlowSecretNames.PrivateKeyPassphrase, "WHATSAPP_FLOWS_PRIVATE_KEY_PASSPHRASE"),
        new(FlowSecretNames.FlowTokenKey, "WHATSAPP_FLOW_TOKEN_KEY"),
    ]);
}
