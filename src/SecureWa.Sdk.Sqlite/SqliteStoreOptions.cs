namespace SecureWa.Sdk.Sqlite;

/// <summary>Options of the SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file path; its directory is created when missing.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How long a writer waits for another process's lock before failing (<c>PRAGMA busy_timeout</c>). Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>PRAGMA synchronous=FULL</c> (an fsync at every commit: a record survives a power loss) instead of the default
    /// <c>NORMAL</c> (in WAL mode: fsync at checkpoints only; a committed record survives a crash of the process, the last
    /// commits may be lost on a power loss or an OS crash, the database never corrupts).
    /// </summary>
    public bool SynchronousFull { get; set; }
}
