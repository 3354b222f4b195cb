using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// Obtains the WireMock standalone jar: from the cache under <c>&lt;repo root&gt;/.wiremock/3.13.2/</c>, else from the
/// npm package <c>wiremock@3.13.2</c> (via <c>npm pack</c>), verified against a pinned SHA-256 before it is used.
/// Safe to call concurrently from several threads and several test processes.
/// </summary>
public static class WireMockJar
{
    /// <summary>The pinned WireMock version.</summary>
    public const string Version = "3.13.2";

    /// <summary>The SHA-256 (hex) of <c>wiremock-standalone-3.13.2.jar</c> as shipped in the npm package.</summary>
    public const string Sha256 = "d097b19bd483c5038479b13a5c71e9faf8f2f5106584f0c120a7770ab0bdb367";

    /// <summary>The jar's file name.</summary>
    public const string FileName = "wiremock-standalone-" + Version + ".jar";

    private const string NpmInstallHint =
        "npm (Node.js) is required to fetch WireMock for the integration tests: apt-get install nodejs npm " +
        "(or install Node.js from https://nodejs.org), or set " + WireMockServerOptions.UrlEnvironmentVariable +
        " to an already running WireMock.";

    private static readonly SemaphoreSlim InProcessGate = new(1, 1);
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Returns the path of a verified jar, downloading it first when it is not cached.</summary>
    /// <exception cref="WireMockHarnessException">npm is missing, the download failed or the jar's hash does not match.</exception>
    public static async Task<string> GetPathAsync(CancellationToken cancellationToken = default)
    {
        var cacheDirectory = Path.Combine(RepositoryRoot.Find(), ".wiremock", Version);
        var jarPath = Path.Combine(cacheDirectory, FileName);

        await InProcessGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(jarPath) && HashMatches(jarPath))
            {
                return jarPath;
            }

            Directory.CreateDirectory(cacheDirectory);
            using var crossProcessLock = await AcquireFileLockAsync(Path.Combine(cacheDirectory, ".lock"), cancellationToken);

            // Another process may have finished while we waited for the lock.
            if (File.Exists(jarPath))
            {
                if (HashMatches(jarPath))
                {
                    return jarPath;
                }

                File.Delete(jarPath);
            }

            await DownloadAsync(jarPath, cancellationToken);
            return jarPath;
        }
        finally
        {
            InProcessGate.Release();
        }
    }

    private static async Task DownloadAsync(string jarPath, CancellationToken cancellationToken)
    {
        var workDirectory = Directory.CreateTempSubdirectory("securewa-wiremock-npm-");
        try
        {
            await RunNpmPackAsync(workDirectory.FullName, cancellationToken);
            var tarball = Directory.GetFiles(workDirectory.FullName, "*.tgz").SingleOrDefault()
                ?? throw new WireMockHarnessException(
                    $"'npm pack wiremock@{Version}' finished but produced no .tgz in {workDirectory.FullName}.");

            await InstallFromTarballAsync(tarball, jarPath, Sha256, cancellationToken);
        }
        finally
        {
            try
            {
                workDirectory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory left behind is harmless.
            }
        }
    }

    /// <summary>
    /// Extracts the jar from an npm tarball next to <paramref name="jarPath"/>, checks its SHA-256 and renames it into
    /// place atomically. On a mismatch the extracted file is deleted and nothing is installed.
    /// </summary>
    /// <exception cref="WireMockHarnessException">The tarball has no jar, or the jar's hash is not <paramref name="expectedSha256"/>.</exception>
    internal static async Task InstallFromTarballAsync(string tarball, string jarPath, string expectedSha256, CancellationToken cancellationToken)
    {
        // Extract next to the final location (same file system), verify, then rename atomically.
        var tempJar = $"{jarPath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await ExtractJarAsync(tarball, tempJar, cancellationToken);
            var actual = ComputeSha256(tempJar);
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new WireMockHarnessException(
                    $"The WireMock jar from npm package wiremock@{Version} has SHA-256 {actual}, expected {expectedSha256}. " +
                    "The file was deleted; it was not used. Check the npm registry/mirror you are using.");
            }

            File.Move(tempJar, jarPath, overwrite: true);
        }
        finally
        {
            File.Delete(tempJar);
        }
    }

    private static async Task RunNpmPackAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = OperatingSystem.IsWindows() ? "npm.cmd" : "npm",
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("pack");
        startInfo.ArgumentList.Add($"wiremock@{Version}");
        startInfo.ArgumentList.Add("--silent");

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new WireMockHarnessException(NpmInstallHint);
        }
        catch (Win32Exception ex)
        {
            throw new WireMockHarnessException(NpmInstallHint, ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(NpmTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new WireMockHarnessException(
                    $"'npm pack wiremock@{Version}' did not finish within {NpmTimeout.TotalMinutes} minutes (is the npm registry reachable?).");
            }

            if (process.ExitCode != 0)
            {
                throw new WireMockHarnessException(
                    $"'npm pack wiremock@{Version}' failed with exit code {process.ExitCode}: {Tail(await stderr)} {Tail(await stdout)}");
            }
        }
    }

    private static async Task ExtractJarAsync(string tarball, string destination, CancellationToken cancellationToken)
    {
        const string entryName = "package/build/" + FileName;
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.Name == entryName && entry.DataStream is not null)
            {
                await using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                await entry.DataStream.CopyToAsync(output, cancellationToken);
                return;
            }
        }

        throw new WireMockHarnessException($"The npm package wiremock@{Version} does not contain {entryName}.");
    }

    private static async Task<FileStream> AcquireFileLockAsync(string lockPath, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < LockTimeout)
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new WireMockHarnessException(
                    $"Timed out after {LockTimeout.TotalMinutes} minutes waiting for {lockPath}; another test process may be stuck downloading WireMock. Delete the file if no test run is active.",
                    ex);
            }
        }
    }

    private static bool HashMatches(string path) => string.Equals(ComputeSha256(path), Sha256, StringComparison.OrdinalIgnoreCase);

    private static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
