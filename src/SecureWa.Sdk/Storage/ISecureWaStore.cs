using System.Data.Common;

namespace SecureWa.Sdk.Storage;

/// <summary>
/// The SDK's storage: one database (a SQLite file, a PostgreSQL database) shared by the audit trail, consent, session
/// revocations and last-use, and durable webhooks. Each component owns tables and versioned migrations
/// (<see cref="SecureWaStoreMigration"/>), applied in order on start. Thread-safe.
/// </summary>
public interface ISecureWaStore
{
    /// <summary>The provider name (<c>sqlite</c>, <c>postgresql</c>): the SQL dialect of its migrations.</summary>
    string Provider { get; }

    /// <summary>Creates the schema table and applies every pending migration of every component, each in a transaction; idempotent and safe with several instances.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="System.Data.Common.DbException">The database cannot be reached or a migration failed.</exception>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version of a component (0 when none was applied).</summary>
    /// <param name="component">The component (<c>audit</c>, <c>consent</c>…).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The highest applied migration version.</returns>
    /// <exception cref="System.Data.Common.DbException">The database cannot be reached.</exception>
    Task<int> GetSchemaVersionAsync(string component, CancellationToken cancellationToken = default);

    /// <summary>Opens a new connection to the store (migrated first); the caller disposes it.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An open connection, configured (SQLite: WAL, busy timeout).</returns>
    /// <exception cref="System.Data.Common.DbException">The database cannot be reached.</exception>
    ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);
}
