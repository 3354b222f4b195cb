using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SecureWa.Sdk.IntegrationTests.PostgreSql;

/// <summary>
/// A real PostgreSQL server for the collection: <c>initdb</c> into a temp directory, <c>postgres</c> on a free loopback
/// port (its unix socket in the same directory), stopped and deleted at the end. Runs the server as the
/// <c>postgres</c> user when the tests run as root (PostgreSQL refuses root). A missing server is a failure that says
/// what to install, never a skip.
/// </summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    private string? _directory;
    private string? _binDirectory;
    private bool _asPostgresUser;

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server started.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>A connection string to <paramref name="database"/> (trust authentication on loopback, no password).</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, Timeout = 5 }.ToString();

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Assert.True(IsRunning, "The PostgreSQL test server is not running.");
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE DATABASE " + name;
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _binDirectory = FindServerBinaries()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. Install Debian's 'postgresql' package: apt-get update && apt-get install -y postgresql");
        _asPostgresUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        _directory = Path.Combine(Path.GetTempPath(), "securewa-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres", _directory], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binDirectory, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], asPostgres: _asPostgresUser);
        Port = FreePort();
        await RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"],
            asPostgres: _asPostgresUser);
        IsRunning = true;
        await WaitReadyAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (IsRunning && _binDirectory is not null && _directory is not null)
        {
            try
            {
                await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], asPostgres: _asPostgresUser);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Deleting the directory below still cleans up; the server dies with its data directory gone.
            }

            IsRunning = false;
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindServerBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(static d => Path.Combine(d, "bin"))
            .Where(static bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(static bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within 90 s.");
        }

        // pg_ctl start keeps the server's inherited handles open only when it writes to them; -l sends its output to the log.
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {process.ExitCode}:\n{output}");
        }
    }
}
