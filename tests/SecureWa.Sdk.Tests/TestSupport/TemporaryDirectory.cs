using System.Text;

namespace SecureWa.Sdk.Tests.TestSupport;

/// <summary>A real directory under the temp path, owner-only, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "securewa-tests-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to <paramref name="relativePath"/> with the given Unix mode (owner read/write by default).</summary>
    public string WriteFile(string relativePath, string content, UnixFileMode mode = OwnerOnly) =>
        WriteBytes(relativePath, Encoding.UTF8.GetBytes(content), mode);

    public string WriteBytes(string relativePath, byte[] content, UnixFileMode mode = OwnerOnly)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }

        return path;
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
}
