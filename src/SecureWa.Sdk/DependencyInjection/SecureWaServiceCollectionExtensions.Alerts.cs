using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Alerts.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.DependencyInjection.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SecureWa.Sdk security detectors and alert sinks.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the security detectors (<see cref="SecurityMonitor"/>, also as <see cref="ISecurityEventRecorder"/>) with
    /// default thresholds and the default sink (<see cref="LoggingSecurityAlertSink"/>). The SDK's client, webhook endpoint
    /// and token health check report into it when it is registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaSecurityAlerts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddSecurityAlertsCore(services);
    }

    /// <summary>Registers the security detectors (see <see cref="AddSecureWaSecurityAlerts(IServiceCollection)"/>) and configures their thresholds in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the thresholds.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaSecurityAlerts(this IServiceCollection services, Action<SecurityAlertOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddSecurityAlertsCore(services);
    }

    /// <summary>Registers the security detectors (see <see cref="AddSecureWaSecurityAlerts(IServiceCollection)"/>) and binds their thresholds from configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="SecurityAlertOptions"/>.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaSecurityAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SecurityAlertOptions>(configuration);
        return AddSecurityAlertsCore(services);
    }

    /// <summary>Adds an alert sink (e-mail, SMS, a pager), as a singleton, next to the others.</summary>
    /// <typeparam name="TSink">The sink type.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecurityAlertSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>(this IServiceCollection services)
        where TSink : class, ISecurityAlertSink
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecurityAlertSink, TSink>());
        return services;
    }

    /// <summary>Adds an alert sink instance next to the others.</summary>
    /// <param name="services">The services.</param>
    /// <param name="sink">The sink.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecurityAlertSink(this IServiceCollection services, ISecurityAlertSink sink)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sink);
        services.AddSingleton(sink);
        return services;
    }

    private static IServiceCollection AddSecurityAlertsCore(IServiceCollection services)
    {
        services.AddOptions<SecurityAlertOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityAlertOptions>, SecurityAlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecurityAlertSink, LoggingSecurityAlertSink>());
        services.TryAddSingleton(static sp => new SecurityMonitor(
            sp.GetRequiredService<IOptions<SecurityAlertOptions>>().Value,
            sp.GetServices<ISecurityAlertSink>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<ISecurityEventRecorder>(static sp => sp.GetRequiredService<SecurityMonitor>());

        // The detectors stage of the operation pipeline: access denials, consent refusals and operator activity.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<WhatsAppOperationPolicy, SecurityDetectorsPolicy>());
        return services;
    }
}
