using System.Data.Common;
using System.Globalization;

namespace SecureWa.Sdk.Storage.Internal;

/// <summary>ADO.NET helpers shared by the stores built on <see cref="ISecureWaStore"/>: commands, parameters, UTC tick times, dialect bits.</summary>
internal static class StoreSql
{
    /// <summary>The two-argument maximum function of a provider: <c>MAX</c> in SQLite, <c>GREATEST</c> in PostgreSQL.</summary>
    public static string Greatest(string provider) =>
        string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase) ? "MAX" : "GREATEST";

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A time column (UTC ticks) as a UTC <see cref="DateTimeOffset"/>, or <see langword="null"/>.</summary>
    public static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture), TimeSpan.Zero);
}
