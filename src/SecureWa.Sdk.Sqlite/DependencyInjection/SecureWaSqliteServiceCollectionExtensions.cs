using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Sqlite;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store of SecureWa.Sdk.</summary>
public static class SecureWaSqliteServiceCollectionExtensions
{
    /// <summary>Keeps the audit trail, operator sessions, consent (and the other SDK tables) in a SQLite file (WAL mode); migrated on start.</summary>
    /// <param name="builder">The audit builder from <c>services.AddSecureWaAudit(...)</c>.</param>
    /// <param name="path">The database file.</param>
    /// <param name="configure">Sets further options (busy timeout, synchronous mode).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static SecureWaAuditBuilder UseSqlite(this SecureWaAuditBuilder builder, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSecureWaSqliteStore(path, configure);
        return builder;
    }

    /// <summary>Registers the SQLite store (<see cref="ISecureWaStore"/>, <see cref="IAuditStore"/>) for the SDK's components; operator sessions (<c>IOperatorSessionStore</c>) and consent (<c>IConsentStore</c>) use it too, in place of the in-memory defaults (a store the application registered itself stays).</summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The database file.</param>
    /// <param name="configure">Sets further options.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IServiceCollection AddSecureWaSqliteStore(this IServiceCollection services, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.AddOptionsWithValidateOnStart<SqliteStoreOptions, SqliteStoreOptionsValidator>().Configure(o =>
        {
            o.Path = path;
            configure?.Invoke(o);
        });
        services.TryAddSingleton(static sp => new SqliteSecureWaStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetServices<SecureWaStoreMigration>()));
        services.TryAddSingleton<ISecureWaStore>(static sp => sp.GetRequiredService<SqliteSecureWaStore>());
        services.TryAddSingleton<IAuditStore>(static sp => sp.GetRequiredService<SqliteSecureWaStore>());
        DurableStoreRegistration.Add(services);
        return services;
    }
}
