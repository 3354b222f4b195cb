using System.Data.Common;
using Npgsql;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.PostgreSql;

/// <summary>
/// The SDK store in a PostgreSQL database shared by several instances. One chain per record class; an append inserts at
/// head + 1 with <c>ON CONFLICT (chain, seq) DO NOTHING</c>, so two instances can never take the same place and the
/// loser re-reads the head (compare-and-append). Migrations run under a transaction-scoped advisory lock. Thread-safe.
/// </summary>
internal sealed class PostgreSqlSecureWaStore : DbSecureWaStore
{
    /// <summary>The provider name of PostgreSQL migrations.</summary>
    public const string ProviderName = "postgresql";

    private static readonly SecureWaStoreMigration[] Audit =
    [
        new(ProviderName, "audit", 1, """
            CREATE TABLE audit_records (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                chain TEXT NOT NULL,
                seq BIGINT NOT NULL,
                occurred_at BIGINT NOT NULL,
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
                content BYTEA,
                key_id TEXT NOT NULL,
                prev_link BYTEA NOT NULL,
                link BYTEA NOT NULL,
                UNIQUE (chain, seq));
            CREATE INDEX ix_audit_records_time ON audit_records (occurred_at);
            CREATE INDEX ix_audit_records_subject ON audit_records (subject);
            CREATE INDEX ix_audit_records_operator ON audit_records (operator_id);
            CREATE INDEX ix_audit_records_operation_id ON audit_records (operation_id);
            CREATE TABLE audit_checkpoints (
                chain TEXT NOT NULL,
                seq BIGINT NOT NULL,
                kind INTEGER NOT NULL,
                link BYTEA NOT NULL,
                created_at BIGINT NOT NULL,
                jws TEXT NOT NULL,
                PRIMARY KEY (chain, seq, kind));
            CREATE TABLE audit_subject_keys (
                subject TEXT PRIMARY KEY,
                key_id TEXT NOT NULL,
                wrapped BYTEA NOT NULL)
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
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlSecureWaStore(PostgreSqlStoreOptions options, IEnumerable<SecureWaStoreMigration>? migrations = null)
        : base(migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    public override string Provider => ProviderName;

    protected override IReadOnlyList<SecureWaStoreMigration> BuiltInMigrations => [.. Audit, .. Components];

    protected override string SchemaTableSql => "CREATE TABLE IF NOT EXISTS securewa_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)";

    // One lock id for every SecureWa migration: instances starting together migrate one after the other.
    protected override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(7311428014)";

    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    protected override void DisposeResources() => _dataSource.Dispose();
}
