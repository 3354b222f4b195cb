using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureWa.Sdk.IntegrationTests.Redis;

/// <summary>
/// A real <c>redis-server</c> (the Debian package) on a free 127.0.0.1 port, without persistence, in its own temporary
/// directory. A missing binary is an error that says what to install: these tests never skip.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly string _directory;
    private Process? _process;

    private RedisServer(string binary, int port)
    {
        Binary = binary;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("securewa-redis-").FullName;
    }

    public string Binary { get; }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server (no connect retries at start-up).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public static RedisServer Start()
    {
        var server = new RedisServer(FindBinary(), FreePort());
        server.Run();
        return server;
    }

    /// <summary>Starts the server again on the same port (after <see cref="Kill"/>).</summary>
    public void Run()
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _directory, "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Ping())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before answering PING on port {Port}.");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within 15 s.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash or a network partition would look to the clients.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Sends one inline command and returns the raw reply.</summary>
    public string Command(string command)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, Port);
        using var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[1 << 20];
        var length = 0;
        stream.ReadTimeout = 2000;
        do
        {
            length += stream.Read(buffer, length, buffer.Length - length);
        }
        while (stream.DataAvailable || length == 0);

        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private bool Ping()
    {
        try
        {
            return Command("PING").StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server was not found on PATH. The Redis tests need a real server: install the Debian package with " +
            "`apt-get update && apt-get install -y redis-server` (.ci/run does this when it is missing).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
