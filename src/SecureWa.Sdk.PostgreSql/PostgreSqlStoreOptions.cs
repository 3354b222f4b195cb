namespace SecureWa.Sdk.PostgreSql;

/// <summary>Options of the PostgreSQL store.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The Npgsql connection string. Keep the password out of configuration files (use a secret store); it is never logged.</summary>
    public string ConnectionString { get; set; } = string.Empty;
}
