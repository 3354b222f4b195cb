using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// A WireMock standalone process (<c>java -jar</c>) on free loopback ports. Dispose it to kill the process tree.
/// The shared server comes from <see cref="WireMockFixture"/>; start a dedicated one (for HTTPS) with
/// <see cref="StartAsync(WireMockServerOptions?, CancellationToken)"/> and dispose it in the test.
/// </summary>
public sealed class WireMockServer : IAsyncDisposable, IDisposable
{
    private const string JavaInstallHint =
        "Java 17+ is required for the WireMock integration tests: apt-get install openjdk-17-jre-headless " +
        "(or any JDK/JRE 17+ with 'java' on PATH), or set " + WireMockServerOptions.UrlEnvironmentVariable +
        " to an already running WireMock.";

    private const int MaxOutputLines = 200;
    private const int MaxStartAttempts = 3;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly DirectoryInfo _rootDirectory;
    private int _disposed;

    private WireMockServer(Process process, ConcurrentQueue<string> output, DirectoryInfo rootDirectory, int httpPort, int? httpsPort)
    {
        _process = process;
        _output = output;
        _rootDirectory = rootDirectory;
        BaseUri = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/");
        HttpsBaseUri = httpsPort is { } p ? new Uri($"https://127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)}/") : null;
        Admin = new WireMockAdmin(BaseUri);
    }

    /// <summary>The plain HTTP address (admin API and stubs), such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The HTTPS address when a keystore was given, else <see langword="null"/>.</summary>
    public Uri? HttpsBaseUri { get; }

    /// <summary>The typed admin client for this server.</summary>
    public WireMockAdmin Admin { get; }

    /// <summary>The last lines WireMock wrote to stdout/stderr (for diagnosing failures).</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Obtains the jar, starts WireMock on free loopback ports and waits until it is healthy.</summary>
    /// <exception cref="WireMockHarnessException">Java or npm is missing, or WireMock did not become healthy in time.</exception>
    public static async Task<WireMockServer> StartAsync(WireMockServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WireMockServerOptions();
        var jar = await WireMockJar.GetPathAsync(cancellationToken);
        WireMockHarnessException? last = null;

        // A port picked by binding port 0 can be taken by someone else before Java binds it; try again with new ports.
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            try
            {
                return await StartOnceAsync(jar, options, cancellationToken);
            }
            catch (WireMockPortInUseException ex)
            {
                last = ex.Failure;
            }
        }

        throw last!;
    }

    /// <summary>Kills the WireMock process tree and removes its temporary root directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Admin.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            _rootDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<WireMockServer> StartOnceAsync(string jar, WireMockServerOptions options, CancellationToken cancellationToken)
    {
        var httpPort = GetFreeLoopbackPort();
        int? httpsPort = options.HttpsKeystore is null ? null : GetFreeLoopbackPort();

        // An empty root directory, so WireMock loads no mappings/files from wherever the tests run.
        var rootDirectory = Directory.CreateTempSubdirectory("securewa-wiremock-root-");
        Directory.CreateDirectory(Path.Combine(rootDirectory.FullName, "mappings"));
        Directory.CreateDirectory(Path.Combine(rootDirectory.FullName, "__files"));

        var startInfo = new ProcessStartInfo
        {
            FileName = "java",
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in new[] { "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar,
                     "--port", httpPort.ToString(CultureInfo.InvariantCulture),
                     "--bind-address", "127.0.0.1",
                     "--root-dir", rootDirectory.FullName,
                     "--disable-banner" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.HttpsKeystore is { } keystore)
        {
            foreach (var argument in new[] { "--https-port", httpsPort!.Value.ToString(CultureInfo.InvariantCulture),
                         "--https-keystore", keystore.Path,
                         "--keystore-type", keystore.Type,
                         "--keystore-password", keystore.Password,
                         "--key-manager-password", keystore.Password })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        var output = new ConcurrentQueue<string>();
        Process process;
        try
        {
            process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
        }
        catch (Win32Exception ex)
        {
            rootDirectory.Delete(recursive: true);
            throw new WireMockHarnessException(JavaInstallHint, ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new WireMockServer(process, output, rootDirectory, httpPort, httpsPort);
        try
        {
            await server.WaitUntilHealthyAsync(options.StartupTimeout, cancellationToken);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                // Let the output readers drain.
                _process.WaitForExit();
                var failure = new WireMockHarnessException(
                    $"WireMock exited with code {_process.ExitCode} before becoming healthy on {BaseUri}" +
                    (HttpsBaseUri is null ? string.Empty : $" / {HttpsBaseUri}") + $". Last output:{Environment.NewLine}{RecentOutput}");
                if (RecentOutput.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                    || RecentOutput.Contains("BindException", StringComparison.Ordinal))
                {
                    throw new WireMockPortInUseException(failure);
                }

                throw failure;
            }

            if (await Admin.IsHealthyAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new WireMockHarnessException(
            $"WireMock did not answer {BaseUri}__admin/health within {timeout.TotalSeconds} s (process {(_process.HasExited ? "exited" : "still running")}). " +
            $"Last output:{Environment.NewLine}{RecentOutput}");
    }

    private static int GetFreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void Append(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > MaxOutputLines && output.TryDequeue(out _))
        {
        }
    }

    private sealed class WireMockPortInUseException(WireMockHarnessException failure) : Exception(failure.Message)
    {
        public WireMockHarnessException Failure { get; } = failure;
    }
}
