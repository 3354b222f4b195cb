using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SecureWa.Sdk.Audit;

namespace SecureWa.Sdk.Storage.Internal;

/// <summary>
/// The ADO.NET body shared by the SQLite and PostgreSQL stores: versioned migrations per component and the audit tables.
/// Appends are serialized in this process by one writer connection under a lock, and across processes and instances by
/// the unique (chain, seq) key: <c>INSERT … ON CONFLICT DO NOTHING</c> at head + 1; a writer that lost the race reloads
/// the head and tries again (compare-and-append), so every chain stays one gap-free sequence.
/// </summary>
internal abstract class DbSecureWaStore : ISecureWaStore, IAuditStore, IAsyncDisposable, IDisposable
{
    internal const string Columns = "id, chain, seq, occurred_at, record_class, phase, operation_id, operator_id, session_id, client_ip, operation, subject, subject_masked, outcome, graph_code, message_id, target_id, template_name, template_category, trace_id, detail, content, key_id, prev_link, link";

    private const string InsertSql = "INSERT INTO audit_records (chain, seq, occurred_at, record_class, phase, operation_id, operator_id, session_id, client_ip, operation, subject, subject_masked, outcome, graph_code, message_id, target_id, template_name, template_category, trace_id, detail, content, key_id, prev_link, link) VALUES (@chain, @seq, @occurred_at, @record_class, @phase, @operation_id, @operator_id, @session_id, @client_ip, @operation, @subject, @subject_masked, @outcome, @graph_code, @message_id, @target_id, @template_name, @template_category, @trace_id, @detail, @content, @key_id, @prev_link, @link) ON CONFLICT (chain, seq) DO NOTHING RETURNING id";

    private static readonly string[] InsertParameters = ["@chain", "@seq", "@occurred_at", "@record_class", "@phase", "@operation_id", "@operator_id", "@session_id", "@client_ip", "@operation", "@subject", "@subject_masked", "@outcome", "@graph_code", "@message_id", "@target_id", "@template_name", "@template_category", "@trace_id", "@detail", "@content", "@key_id", "@prev_link", "@link"];

    private readonly SecureWaStoreMigration[] _migrations;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private readonly Dictionary<string, (long Sequence, byte[] Link)> _heads = new(StringComparer.Ordinal);
    private volatile bool _migrated;
    private DbConnection? _writer;
    private DbCommand? _insert;

    protected DbSecureWaStore(IEnumerable<SecureWaStoreMigration>? migrations)
    {
        _migrations = (migrations ?? []).ToArray();
    }

    public abstract string Provider { get; }

    /// <summary>The built-in migrations of the audit component, in this store's dialect.</summary>
    protected abstract IReadOnlyList<SecureWaStoreMigration> BuiltInMigrations { get; }

    /// <summary><c>CREATE TABLE IF NOT EXISTS securewa_schema (component … PRIMARY KEY, version … NOT NULL)</c>.</summary>
    protected abstract string SchemaTableSql { get; }

    /// <summary>Run first inside the migration transaction to keep other instances out (PostgreSQL: an advisory lock).</summary>
    protected virtual string? MigrationLockSql => null;

    /// <summary>Creates a (closed) connection.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Configures a freshly opened connection (SQLite: pragmas).</summary>
    protected virtual Task ConfigureConnectionAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Run after a subject key was deleted (SQLite: checkpoint and truncate the WAL so no copy of the page stays).</summary>
    protected virtual Task AfterSubjectKeyDeletedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (MigrationLockSql is { } lockSql)
            {
                await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, SchemaTableSql, cancellationToken).ConfigureAwait(false);
            var all = BuiltInMigrations.Concat(_migrations).Where(m => string.Equals(m.Provider, Provider, StringComparison.OrdinalIgnoreCase));
            foreach (var component in all.GroupBy(static m => m.Component, StringComparer.Ordinal))
            {
                var current = await ReadVersionAsync(connection, transaction, component.Key, cancellationToken).ConfigureAwait(false);
                foreach (var migration in component.Where(m => m.Version > current).OrderBy(static m => m.Version))
                {
                    foreach (var statement in migration.Sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
                    }

                    using var set = Command(connection, transaction, current == 0
                        ? "INSERT INTO securewa_schema (component, version) VALUES (@component, @version)"
                        : "UPDATE securewa_schema SET version = @version WHERE component = @component");
                    Add(set, "@component", component.Key);
                    Add(set, "@version", migration.Version);
                    await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    current = migration.Version;
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    public async Task<int> GetSchemaVersionAsync(string component, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, component, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditRecord> AppendAsync(string chain, Func<long, byte[], AuditRecord> seal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seal);
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var insert = await GetInsertAsync(cancellationToken).ConfigureAwait(false);
                    if (!_heads.TryGetValue(chain, out var head))
                    {
                        head = await ReadHeadAsync(_writer!, chain, cancellationToken).ConfigureAwait(false);
                    }

                    var record = seal(head.Sequence + 1, head.Link);
                    Bind(insert, record);

                    // Not cancellable once sealed: an append either lands or fails, never half-known.
                    var id = await InsertAsync(insert).ConfigureAwait(false);
                    if (id is { } rowId)
                    {
                        record.SetId(rowId);
                        _heads[chain] = (record.Sequence, record.Link);
                        return record;
                    }

                    // Another process or instance took head + 1: reload the head and link after its record.
                    _heads.Remove(chain);
                    if (attempt >= 10_000)
                    {
                        throw new InvalidOperationException($"Could not append to audit chain '{chain}' after {attempt} attempts.");
                    }
                }
                catch (DbException)
                {
                    await ResetWriterAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<string>> GetChainsAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT chain FROM audit_records GROUP BY chain UNION SELECT chain FROM audit_checkpoints GROUP BY chain");
        var chains = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chains.Add(reader.GetString(0));
        }

        return chains;
    }

    public async IAsyncEnumerable<AuditRecord> ReadChainAsync(string chain, long fromSequence, long? toSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, $"SELECT {Columns} FROM audit_records WHERE chain = @chain AND seq >= @from{(toSequence is null ? string.Empty : " AND seq <= @to")} ORDER BY seq");
        Add(command, "@chain", chain);
        Add(command, "@from", fromSequence);
        if (toSequence is { } to)
        {
            Add(command, "@to", to);
        }

        using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadRecord(reader);
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, string? subjectPseudonym, long afterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_records r WHERE r.id > @after");
        Add(command, "@after", afterId);
        if (query.From is { } from)
        {
            sql.Append(" AND r.occurred_at >= @from");
            Add(command, "@from", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            sql.Append(" AND r.occurred_at < @to");
            Add(command, "@to", to.UtcTicks);
        }

        Filter(command, sql, "operator_id", "@operator", query.OperatorId);
        Filter(command, sql, "operation", "@operation", query.Operation);
        Filter(command, sql, "outcome", "@outcome", query.Outcome);
        Filter(command, sql, "subject", "@subject", subjectPseudonym);
        if (query.RecordClass is { } recordClass)
        {
            sql.Append(" AND r.record_class = @class");
            Add(command, "@class", (int)recordClass);
        }

        if (query.OutcomeUnknownOnly)
        {
            sql.Append(" AND r.phase = 0 AND NOT EXISTS (SELECT 1 FROM audit_records o WHERE o.operation_id = r.operation_id AND o.phase = 1)");
        }

        sql.Append(" ORDER BY r.id LIMIT @limit");
        Add(command, "@limit", query.PageSize + 1);
        command.CommandText = sql.ToString();
        var records = new List<AuditRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }

    public async Task AddCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await InsertCheckpointAsync(connection, null, checkpoint, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string chain, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null, "SELECT chain, seq, kind, link, created_at, jws FROM audit_checkpoints WHERE chain = @chain ORDER BY seq, kind");
        Add(command, "@chain", chain);
        var list = new List<AuditCheckpoint>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditCheckpoint
            {
                Chain = reader.GetString(0),
                Sequence = reader.GetInt64(1),
                Kind = (AuditCheckpointKind)reader.GetInt32(2),
                Link = (byte[])reader.GetValue(3),
                CreatedAt = new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                Jws = reader.GetString(5),
            });
        }

        return list;
    }

    public async Task<(long Sequence, byte[] Link)> GetHeadAsync(string chain, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadHeadAsync(connection, chain, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(long Sequence, byte[] Link)> FindPurgeBoundaryAsync(string chain, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = Command(connection, null,
            "SELECT seq, link FROM audit_records WHERE chain = @chain AND seq < COALESCE((SELECT MIN(seq) FROM audit_records WHERE chain = @chain AND occurred_at >= @cutoff), 9223372036854775807) ORDER BY seq DESC LIMIT 1");
        Add(command, "@chain", chain);
        Add(command, "@cutoff", cutoff.UtcTicks);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, []);
    }

    public async Task<int> PurgeAsync(AuditCheckpoint anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await InsertCheckpointAsync(connection, transaction, anchor, cancellationToken).ConfigureAwait(false);
        int deleted;
        using (var delete = Command(connection, transaction, "DELETE FROM audit_records WHERE chain = @chain AND seq <= @seq"))
        {
            Add(delete, "@chain", anchor.Chain);
            Add(delete, "@seq", anchor.Sequence);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var superseded = Command(connection, transaction, "DELETE FROM audit_checkpoints WHERE chain = @chain AND ((kind = 0 AND seq <= @seq) OR (kind = 1 AND seq < @seq))"))
        {
            Add(superseded, "@chain", anchor.Chain);
            Add(superseded, "@seq", anchor.Sequence);
            await superseded.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<(string KeyId, byte[] WrappedKey)> GetOrAddSubjectKeyAsync(string subjectPseudonym, string keyId, byte[] wrappedKey, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using (var insert = Command(connection, null, "INSERT INTO audit_subject_keys (subject, key_id, wrapped) VALUES (@subject, @key_id, @wrapped) ON CONFLICT (subject) DO NOTHING"))
        {
            Add(insert, "@subject", subjectPseudonym);
            Add(insert, "@key_id", keyId);
            Add(insert, "@wrapped", wrappedKey);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadSubjectKeyAsync(connection, subjectPseudonym, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A subject key was stored but cannot be read back.");
    }

    public async Task<(string KeyId, byte[] WrappedKey)?> GetSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSubjectKeyAsync(connection, subjectPseudonym, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default)
    {
        using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var delete = Command(connection, null, "DELETE FROM audit_subject_keys WHERE subject = @subject");
        Add(delete, "@subject", subjectPseudonym);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        await AfterSubjectKeyDeletedAsync(connection, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async ValueTask DisposeAsync()
    {
        await ResetWriterAsync().ConfigureAwait(false);
        DisposeResources();
        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _writer?.Dispose();
        _insert = null;
        _writer = null;
        DisposeResources();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the subclass holds (a data source).</summary>
    protected virtual void DisposeResources()
    {
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Filter(DbCommand command, StringBuilder sql, string column, string name, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND r.").Append(column).Append(" = ").Append(name);
            Add(command, name, value);
        }
    }

    private static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT version FROM securewa_schema WHERE component = @component");
        Add(command, "@component", component);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task<(long Sequence, byte[] Link)> ReadHeadAsync(DbConnection connection, string chain, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null,
            "SELECT seq, link FROM audit_records WHERE chain = @chain UNION ALL SELECT seq, link FROM audit_checkpoints WHERE chain = @chain AND kind = 1 ORDER BY seq DESC LIMIT 1");
        Add(command, "@chain", chain);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt64(0), (byte[])reader.GetValue(1)) : (0, []);
    }

    private static async Task<(string KeyId, byte[] WrappedKey)?> ReadSubjectKeyAsync(DbConnection connection, string subject, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, "SELECT key_id, wrapped FROM audit_subject_keys WHERE subject = @subject");
        Add(command, "@subject", subject);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    }

    private static async Task InsertCheckpointAsync(DbConnection connection, DbTransaction? transaction, AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "INSERT INTO audit_checkpoints (chain, seq, kind, link, created_at, jws) VALUES (@chain, @seq, @kind, @link, @created_at, @jws) ON CONFLICT (chain, seq, kind) DO NOTHING");
        Add(command, "@chain", checkpoint.Chain);
        Add(command, "@seq", checkpoint.Sequence);
        Add(command, "@kind", (int)checkpoint.Kind);
        Add(command, "@link", checkpoint.Link);
        Add(command, "@created_at", checkpoint.CreatedAt.UtcTicks);
        Add(command, "@jws", checkpoint.Jws);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(DbCommand insert, AuditRecord r)
    {
        var p = insert.Parameters;
        p[0].Value = r.Chain;
        p[1].Value = r.Sequence;
        p[2].Value = r.Timestamp.UtcTicks;
        p[3].Value = (int)r.RecordClass;
        p[4].Value = (int)r.Phase;
        p[5].Value = (object?)r.OperationId ?? DBNull.Value;
        p[6].Value = (object?)r.OperatorId ?? DBNull.Value;
        p[7].Value = (object?)r.SessionId ?? DBNull.Value;
        p[8].Value = (object?)r.ClientIp ?? DBNull.Value;
        p[9].Value = r.Operation;
        p[10].Value = (object?)r.SubjectPseudonym ?? DBNull.Value;
        p[11].Value = (object?)r.SubjectMasked ?? DBNull.Value;
        p[12].Value = (object?)r.Outcome ?? DBNull.Value;
        p[13].Value = r.GraphErrorCode is { } code ? code : DBNull.Value;
        p[14].Value = (object?)r.MessageId ?? DBNull.Value;
        p[15].Value = (object?)r.TargetId ?? DBNull.Value;
        p[16].Value = (object?)r.TemplateName ?? DBNull.Value;
        p[17].Value = (object?)r.TemplateCategory ?? DBNull.Value;
        p[18].Value = (object?)r.TraceId ?? DBNull.Value;
        p[19].Value = (object?)r.Detail ?? DBNull.Value;
        p[20].Value = (object?)r.EncryptedContent ?? DBNull.Value;
        p[21].Value = r.KeyId;
        p[22].Value = r.PreviousLink;
        p[23].Value = r.Link;
    }

    internal static AuditRecord ReadRecord(DbDataReader reader)
    {
        var record = new AuditRecord
        {
            Id = reader.GetInt64(0),
            Chain = reader.GetString(1),
            Sequence = reader.GetInt64(2),
            Timestamp = new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            RecordClass = (AuditRecordClass)reader.GetInt32(4),
            Phase = (AuditRecordPhase)reader.GetInt32(5),
            OperationId = String(reader, 6),
            OperatorId = String(reader, 7),
            SessionId = String(reader, 8),
            ClientIp = String(reader, 9),
            Operation = reader.GetString(10),
            SubjectPseudonym = String(reader, 11),
            SubjectMasked = String(reader, 12),
            Outcome = String(reader, 13),
            GraphErrorCode = reader.IsDBNull(14) ? null : reader.GetInt32(14),
            MessageId = String(reader, 15),
            TargetId = String(reader, 16),
            TemplateName = String(reader, 17),
            TemplateCategory = String(reader, 18),
            TraceId = String(reader, 19),
            Detail = String(reader, 20),
            EncryptedContent = reader.IsDBNull(21) ? null : (byte[])reader.GetValue(21),
            KeyId = reader.GetString(22),
            PreviousLink = reader.IsDBNull(23) ? [] : (byte[])reader.GetValue(23),
            Link = (byte[])reader.GetValue(24),
        };
        return record;
    }

    /// <summary>
    /// Runs the insert and reads the statement to its end before returning, so its implicit transaction has certainly
    /// committed (SQLite commits an <c>INSERT … RETURNING</c> when the statement completes or is reset) and the record is
    /// visible to every other connection before the request it announces leaves.
    /// </summary>
    private static async Task<long?> InsertAsync(DbCommand insert)
    {
        long? id = null;
        using var reader = await insert.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        do
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                id ??= reader.GetInt64(0);
            }
        }
        while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false));

        return id;
    }

    private static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async ValueTask EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ConfigureConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<DbCommand> GetInsertAsync(CancellationToken cancellationToken)
    {
        if (_insert is not null)
        {
            return _insert;
        }

        _writer = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        var insert = Command(_writer, null, InsertSql);
        foreach (var name in InsertParameters)
        {
            Add(insert, name, null);
        }

        _heads.Clear();
        _insert = insert;
        return insert;
    }

    private async ValueTask ResetWriterAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _insert = null;
        _writer = null;
        _heads.Clear();
    }
}
