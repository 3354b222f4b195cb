using Microsoft.Extensions.Options;
using Npgsql;

namespace SecureWa.Sdk.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/> on start (the connection string parses; no connection is made).</summary>
public sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("PostgreSqlStoreOptions.ConnectionString is required.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            // Never echo the connection string: it may hold a password.
            return ValidateOptionsResult.Fail("PostgreSqlStoreOptions.ConnectionString is not a valid Npgsql connection string.");
        }

        return ValidateOptionsResult.Success;
    }
}
