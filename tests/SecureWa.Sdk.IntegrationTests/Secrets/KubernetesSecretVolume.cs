using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SecureWa.Sdk.IntegrationTests.Secrets;

/// <summary>
/// A directory laid out the way kubelet writes a secret volume: each key is a link <c>key -> ..data/key</c>, and
/// <c>..data</c> links to a timestamped directory. <see cref="Publish"/> writes a new timestamped directory
/// (files mode 0400) and swaps <c>..data</c> atomically with rename(2), as kubelet does on a secret update.
/// </summary>
internal sealed partial class KubernetesSecretVolume : IDisposable
{
    private int _generation;

    public KubernetesSecretVolume()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Secret volumes (symbolic links, Unix modes) are simulated on Unix only.");
        }

        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "securewa-k8s-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public void Publish(IReadOnlyDictionary<string, string> secrets)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Secret volumes are simulated on Unix only.");
        }

        var generation = ++_generation;
        var previous = ResolveData();
        var timestamped = "..2026_01_01_00_00_" + generation.ToString("00", CultureInfo.InvariantCulture) + "." + generation.ToString(CultureInfo.InvariantCulture);
        var directory = System.IO.Path.Combine(Path, timestamped);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var (key, value) in secrets)
        {
            var file = System.IO.Path.Combine(directory, key);
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(value));
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }

        var temporaryLink = System.IO.Path.Combine(Path, "..data_tmp");
        File.CreateSymbolicLink(temporaryLink, timestamped);
        if (rename(temporaryLink, System.IO.Path.Combine(Path, "..data")) != 0)
        {
            throw new IOException($"rename failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        foreach (var key in secrets.Keys)
        {
            var link = System.IO.Path.Combine(Path, key);
            if (!File.Exists(link) && new FileInfo(link).LinkTarget is null)
            {
                File.CreateSymbolicLink(link, "..data/" + key);
            }
        }

        if (previous is not null)
        {
            Directory.Delete(System.IO.Path.Combine(Path, previous), recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string? ResolveData() => new FileInfo(System.IO.Path.Combine(Path, "..data")).LinkTarget;

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
}
