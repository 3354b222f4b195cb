using System.Globalization;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>
/// The ADO.NET <see cref="IConsentStore"/> on an <see cref="ISecureWaStore"/> (SQLite, PostgreSQL): table
/// <c>consent_records</c> (component <c>consent</c>), one row per appended record, ordered by its identity id. Rows are
/// only inserted and, for erasure, deleted. Times are UTC ticks.
/// </summary>
internal sealed class DbConsentStore : IConsentStore
{
    private const string InsertSql = "INSERT INTO consent_records (subject_key, purpose, kind, source, recorded_at, evidence_reference, expires_at) VALUES (@subject, @purpose, @kind, @source, @recorded_at, @evidence, @expires_at)";
    private const string SelectSql = "SELECT purpose, kind, source, recorded_at, evidence_reference, expires_at FROM consent_records WHERE subject_key = @subject ORDER BY id";

    private readonly ISecureWaStore _store;

    public DbConsentStore(ISecureWaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    public async ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, InsertSql);
        StoreSql.Add(command, "@subject", record.SubjectKey);
        StoreSql.Add(command, "@purpose", record.Purpose);
        StoreSql.Add(command, "@kind", (int)record.Kind);
        StoreSql.Add(command, "@source", record.Source);
        StoreSql.Add(command, "@recorded_at", record.RecordedAt.UtcTicks);
        StoreSql.Add(command, "@evidence", record.EvidenceReference);
        StoreSql.Add(command, "@expires_at", record.ExpiresAt?.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<ConsentRecord>> GetRecordsAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, SelectSql);
        StoreSql.Add(command, "@subject", subjectKey);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ConsentRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ConsentRecord(
                subjectKey,
                reader.IsDBNull(0) ? null : reader.GetString(0),
                (ConsentRecordKind)Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                reader.GetString(2),
                StoreSql.Time(reader, 3)!.Value,
                reader.IsDBNull(4) ? null : reader.GetString(4),
                StoreSql.Time(reader, 5)));
        }

        return records;
    }

    public async ValueTask<int> EraseSubjectAsync(string subjectKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, "DELETE FROM consent_records WHERE subject_key = @subject");
        StoreSql.Add(command, "@subject", subjectKey);
        var removed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0 && string.Equals(_store.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            // secure_delete zeroes the freed cells; checkpoint and truncate the WAL so no old copy of the page stays.
            using var checkpoint = StoreSql.Command(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
