using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the tamper-evident audit trail: the audit policy of the operation pipeline (intent before I/O, outcome after),
    /// <see cref="IAuditTrail"/>, and a hosted service that migrates the store on start, purges and checkpoints. Choose the
    /// store on the returned builder: <c>.UseSqlite(path)</c> (SecureWa.Sdk.Sqlite) or <c>.UsePostgreSql(connectionString)</c> (SecureWa.Sdk.PostgreSql).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (validated on start).</param>
    /// <returns>The builder that picks the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static SecureWaAuditBuilder AddSecureWaAudit(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptionsWithValidateOnStart<AuditOptions, AuditOptionsValidator>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new AuditTrail(
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<ISecretProvider>(),
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<AuditTrail>>(),
            sp.GetServices<IAuditFailureObserver>(),
            sp.GetServices<IAuditCheckpointObserver>()));
        services.TryAddSingleton<IAuditTrail>(static sp => sp.GetRequiredService<AuditTrail>());

        // Session issue/revoke and consent changes reach the trail whenever those components are registered too.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<SecureWa.Sdk.Sessions.IOperatorSessionEvents, SecureWa.Sdk.Audit.Internal.AuditSessionEvents>(static sp => new SecureWa.Sdk.Audit.Internal.AuditSessionEvents(sp.GetRequiredService<IAuditTrail>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<SecureWa.Sdk.Webhooks.IWebhookNotificationObserver, SecureWa.Sdk.Audit.Internal.AuditWebhookObserver>(static sp => new SecureWa.Sdk.Audit.Internal.AuditWebhookObserver(sp.GetRequiredService<IAuditTrail>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<SecureWa.Sdk.Consent.IConsentEvents, SecureWa.Sdk.Audit.Internal.AuditConsentEvents>(static sp => new SecureWa.Sdk.Audit.Internal.AuditConsentEvents(sp.GetRequiredService<IAuditTrail>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<WhatsAppOperationPolicy, AuditPolicy>(static sp => new AuditPolicy(sp.GetRequiredService<AuditTrail>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditHostedService>(static sp => new AuditHostedService(
            sp.GetService<ISecureWaStore>() ?? throw new InvalidOperationException("The audit trail has no store: call .UseSqlite(path) or .UsePostgreSql(connectionString) on services.AddSecureWaAudit(...)."),
            sp.GetRequiredService<AuditTrail>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<AuditHostedService>>() ?? Logging.Abstractions.NullLogger<AuditHostedService>.Instance)));
        return new SecureWaAuditBuilder(services);
    }
}
