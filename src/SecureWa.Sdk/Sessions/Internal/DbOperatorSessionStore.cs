using System.Data.Common;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.Sessions.Internal;

/// <summary>
/// The ADO.NET <see cref="IOperatorSessionStore"/> on an <see cref="ISecureWaStore"/> (SQLite, PostgreSQL): tables
/// <c>session_records</c>, <c>session_operators</c> and <c>session_global</c> (component <c>sessions</c>). Every write is
/// one upsert whose times only move forward (<c>MAX()</c> in SQLite, <c>GREATEST()</c> in PostgreSQL), so instances
/// sharing the database need no lock. Times are UTC ticks.
/// </summary>
internal sealed class DbOperatorSessionStore : IOperatorSessionStore
{
    private const string StateSql = """
        SELECT
            (SELECT revoked FROM session_records WHERE session_id = @sid),
            (SELECT last_used_at FROM session_records WHERE session_id = @sid),
            (SELECT last_used_at FROM session_operators WHERE operator_id = @op),
            (SELECT revoked_at FROM session_operators WHERE operator_id = @op),
            (SELECT all_revoked_at FROM session_global WHERE id = 1)
        """;

    private readonly ISecureWaStore _store;
    private readonly string _useSql;
    private readonly string _touchSql;
    private readonly string _revokeSessionSql;
    private readonly string _revokeOperatorSql;
    private readonly string _revokeAllSql;

    public DbOperatorSessionStore(ISecureWaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        var max = StoreSql.Greatest(store.Provider);
        _useSql = $"INSERT INTO session_records (session_id, revoked, last_used_at, retain_until) VALUES (@sid, 0, @at, @retain) ON CONFLICT (session_id) DO UPDATE SET last_used_at = {max}(COALESCE(session_records.last_used_at, excluded.last_used_at), excluded.last_used_at), retain_until = {max}(session_records.retain_until, excluded.retain_until)";
        _touchSql = $"INSERT INTO session_operators (operator_id, last_used_at) VALUES (@op, @at) ON CONFLICT (operator_id) DO UPDATE SET last_used_at = {max}(COALESCE(session_operators.last_used_at, excluded.last_used_at), excluded.last_used_at)";
        _revokeSessionSql = $"INSERT INTO session_records (session_id, revoked, retain_until) VALUES (@sid, 1, @retain) ON CONFLICT (session_id) DO UPDATE SET revoked = 1, retain_until = {max}(session_records.retain_until, excluded.retain_until)";
        _revokeOperatorSql = $"INSERT INTO session_operators (operator_id, revoked_at) VALUES (@op, @at) ON CONFLICT (operator_id) DO UPDATE SET revoked_at = {max}(COALESCE(session_operators.revoked_at, excluded.revoked_at), excluded.revoked_at)";
        _revokeAllSql = $"INSERT INTO session_global (id, all_revoked_at) VALUES (1, @at) ON CONFLICT (id) DO UPDATE SET all_revoked_at = {max}(COALESCE(session_global.all_revoked_at, excluded.all_revoked_at), excluded.all_revoked_at)";
    }

    public async ValueTask<OperatorSessionState> GetStateAsync(string operatorId, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(sessionId);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, StateSql);
        StoreSql.Add(command, "@sid", sessionId);
        StoreSql.Add(command, "@op", operatorId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return default;
        }

        var revoked = !reader.IsDBNull(0) && Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) != 0;
        return new OperatorSessionState(revoked, StoreSql.Time(reader, 1), StoreSql.Time(reader, 2), StoreSql.Time(reader, 3), StoreSql.Time(reader, 4));
    }

    public async ValueTask RecordUseAsync(string operatorId, string sessionId, DateTimeOffset usedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(sessionId);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var use = StoreSql.Command(connection, transaction, _useSql))
        {
            StoreSql.Add(use, "@sid", sessionId);
            StoreSql.Add(use, "@at", usedAt.UtcTicks);
            StoreSql.Add(use, "@retain", retainUntil.UtcTicks);
            await use.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await TouchAsync(connection, transaction, operatorId, usedAt, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RecordOperatorActivityAsync(string operatorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await TouchAsync(connection, null, operatorId, at, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RevokeSessionAsync(string sessionId, DateTimeOffset revokedAt, DateTimeOffset retainUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, _revokeSessionSql);
        StoreSql.Add(command, "@sid", sessionId);
        StoreSql.Add(command, "@retain", retainUntil.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RevokeOperatorSessionsAsync(string operatorId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, _revokeOperatorSql);
        StoreSql.Add(command, "@op", operatorId);
        StoreSql.Add(command, "@at", revokedAt.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RevokeAllSessionsAsync(DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, _revokeAllSql);
        StoreSql.Add(command, "@at", revokedAt.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var connection = await _store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = StoreSql.Command(connection, null, "DELETE FROM session_records WHERE retain_until <= @now");
        StoreSql.Add(command, "@now", now.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task TouchAsync(DbConnection connection, DbTransaction? transaction, string operatorId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var touch = StoreSql.Command(connection, transaction, _touchSql);
        StoreSql.Add(touch, "@op", operatorId);
        StoreSql.Add(touch, "@at", at.UtcTicks);
        await touch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
