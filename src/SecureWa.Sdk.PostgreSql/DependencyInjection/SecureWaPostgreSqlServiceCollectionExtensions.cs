using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.PostgreSql;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store of SecureWa.Sdk.</summary>
public static class SecureWaPostgreSqlServiceCollectionExtensions
{
    /// <summary>Keeps the audit trail, operator sessions, consent (and the other SDK tables) in PostgreSQL, shared by several instances; migrated on start.</summary>
    /// <param name="builder">The audit builder from <c>services.AddSecureWaAudit(...)</c>.</param>
    /// <param name="connectionString">The Npgsql connection string (never logged).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static SecureWaAuditBuilder UsePostgreSql(this SecureWaAuditBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSecureWaPostgreSqlStore(connectionString);
        return builder;
    }

    /// <summary>Registers the PostgreSQL store (<see cref="ISecureWaStore"/>, <see cref="IAuditStore"/>) for the SDK's components; operator sessions (<c>IOperatorSessionStore</c>) and consent (<c>IConsentStore</c>) use it too, in place of the in-memory defaults (a store the application registered itself stays).</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The Npgsql connection string (never logged).</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IServiceCollection AddSecureWaPostgreSqlStore(this IServiceCollection services, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptionsWithValidateOnStart<PostgreSqlStoreOptions, PostgreSqlStoreOptionsValidator>().Configure(o => o.ConnectionString = connectionString);
        services.TryAddSingleton(static sp => new PostgreSqlSecureWaStore(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value, sp.GetServices<SecureWaStoreMigration>()));
        services.TryAddSingleton<ISecureWaStore>(static sp => sp.GetRequiredService<PostgreSqlSecureWaStore>());
        services.TryAddSingleton<IAuditStore>(static sp => sp.GetRequiredService<PostgreSqlSecureWaStore>());
        DurableStoreRegistration.Add(services);
        return services;
    }
}
