using System.Data.Common;
using Microsoft.Data.Sqlite;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.Sqlite;

/// <summary>
/// The SDK store in one SQLite file: WAL journal, <c>synchronous=NORMAL</c> (or FULL), a busy timeout, and
/// <c>secure_delete</c> so deleted rows (an erased subject key) are overwritten. Several processes may share the file;
/// appends are ordered by the unique (chain, seq) key. Thread-safe.
/// </summary>
internal sealed class SqliteSecureWaStore : DbSecureWaStore
{
    /// <summary>The provider name of SQLite migrations.</summary>
    public const string ProviderName = "sqlite";

    private static readonly SecureWaStoreMigration[] Audit =
    [
        new(ProviderName, "audit", 1, """
            CREATE TABLE audit_records (
                id INTEGER PRIMARY KEY,
                chain TEXT NOT NULL,
                seq INTEGER NOT NULL,
                occurred_at INTEGER NOT NULL,
                record_class INTEGER NOT NULL,
                phase INTEGER NOT NULL,
                operation_id TEXT,
                operator_id TEXT,
                session_id TEXT,
                client_ip TEXT,
                operation TEXT NOT NULL,
                subject TEXT,
                subject_masked TEXT,
                outcome TEXT,
                graph_code INTEGER,
                message_id TEXT,
                target_id TEXT,
                template_name TEXT,
                template_category TEXT,
                trace_id TEXT,
                detail TEXT,
                content BLOB,
                key_id TEXT NOT NULL,
                prev_link BLOB NOT NULL,
                link BLOB NOT NULL,
                UNIQUE (chain, seq));
            CREATE INDEX ix_audit_records_time ON audit_records (occurred_at);
            CREATE INDEX ix_audit_records_subject ON audit_records (subject);
            CREATE INDEX ix_audit_records_operator ON audit_records (operator_id);
            CREATE INDEX ix_audit_records_operation_id ON audit_records (operation_id);
            CREATE TABLE audit_checkpoints (
                chain TEXT NOT NULL,
                seq INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                link BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                jws TEXT NOT NULL,
                PRIMARY KEY (chain, seq, kind));
            CREATE TABLE audit_subject_keys (
                subject TEXT PRIMARY KEY,
                key_id TEXT NOT NULL,
                wrapped BLOB NOT NULL)
            """),
    ];

    private static readonly SecureWaStoreMigration[] Components =
    [
        new(ProviderName, "sessions", 1, """
            CREATE TABLE session_records (
                session_id TEXT PRIMARY KEY,
                revoked INTEGER NOT NULL,
                last_used_at BIGINT,
                retain_until BIGINT NOT NULL);
            CREATE INDEX ix_session_records_retain ON session_records (retain_until);
            CREATE TABLE session_operators (
                operator_id TEXT PRIMARY KEY,
                last_used_at BIGINT,
                revoked_at BIGINT);
            CREATE TABLE session_global (
                id INTEGER PRIMARY KEY,
                all_revoked_at BIGINT)
            """),
        new(ProviderName, "consent", 1, """
            CREATE TABLE consent_records (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subject_key TEXT NOT NULL,
                purpose TEXT,
                kind INTEGER NOT NULL,
                source TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                evidence_reference TEXT,
                expires_at BIGINT);
            CREATE INDEX ix_consent_records_subject ON consent_records (subject_key, id)
            """),
    ];

    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>Creates the store (nothing is opened until first use or MigrateAsync).</summary>
    /// <param name="options">The options.</param>
    /// <param name="migrations">Extra migrations of other components (those for <see cref="ProviderName"/> are applied).</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public SqliteSecureWaStore(SqliteStoreOptions options, IEnumerable<SecureWaStoreMigration>? migrations = null)
        : base(migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        var full = System.IO.Path.GetFullPath(options.Path);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } directory && !Directory.Exists(directory) && !File.Exists(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(options.SynchronousFull ? "FULL" : "NORMAL")}; PRAGMA busy_timeout={(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA secure_delete=ON;";
        DatabasePath = full;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public override string Provider => ProviderName;

    /// <inheritdoc />
    protected override IReadOnlyList<SecureWaStoreMigration> BuiltInMigrations => [.. Audit, .. Components];

    /// <inheritdoc />
    protected override string SchemaTableSql => "CREATE TABLE IF NOT EXISTS securewa_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)";

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc />
    protected override async Task ConfigureConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task AfterSubjectKeyDeletedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // secure_delete zeroes the freed cells in the page's new version; the old version may still sit in the WAL
        // until a checkpoint: copy it back and truncate the WAL now.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
