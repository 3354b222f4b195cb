using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Sqlite;

/// <summary>Validates <see cref="SqliteStoreOptions"/> on start.</summary>
public sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("SqliteStoreOptions.Path is required.");
        }
        else if (options.Path.Contains('?', StringComparison.Ordinal) || options.Path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || options.Path == ":memory:")
        {
            failures.Add("SqliteStoreOptions.Path must be a file path (not a URI or :memory:): the audit trail must outlive the process.");
        }

        if (options.BusyTimeout < TimeSpan.FromMilliseconds(100) || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("SqliteStoreOptions.BusyTimeout must be between 100 ms and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
