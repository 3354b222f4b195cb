using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

public sealed class WireMockJarTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("securewa-jar-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task InstallFromTarballAsync_HashMismatch_FailsClearlyAndInstallsNothing()
    {
        var tarball = await WriteTarballAsync("package/build/" + WireMockJar.FileName, "not the real jar");
        var jarPath = Path.Combine(_directory.FullName, WireMockJar.FileName);

        var error = await Assert.ThrowsAsync<WireMockHarnessException>(() => WireMockJar.InstallFromTarballAsync(tarball, jarPath, WireMockJar.Sha256, CancellationToken.None));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Contains(WireMockJar.Sha256, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(jarPath));
        Assert.Empty(Directory.GetFiles(_directory.FullName, "*.tmp"));
    }

    [Fact]
    public async Task InstallFromTarballAsync_MatchingHash_InstallsJar()
    {
        const string content = "pretend jar";
        var tarball = await WriteTarballAsync("package/build/" + WireMockJar.FileName, content);
        var jarPath = Path.Combine(_directory.FullName, WireMockJar.FileName);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

        await WireMockJar.InstallFromTarballAsync(tarball, jarPath, expected, CancellationToken.None);

        Assert.Equal(content, await File.ReadAllTextAsync(jarPath));
        Assert.Empty(Directory.GetFiles(_directory.FullName, "*.tmp"));
    }

    [Fact]
    public async Task InstallFromTarballAsync_NoJarInPackage_Fails()
    {
        var tarball = await WriteTarballAsync("package/README.md", "readme");
        var jarPath = Path.Combine(_directory.FullName, WireMockJar.FileName);

        var error = await Assert.ThrowsAsync<WireMockHarnessException>(() => WireMockJar.InstallFromTarballAsync(tarball, jarPath, WireMockJar.Sha256, CancellationToken.None));

        Assert.Contains("does not contain", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(jarPath));
    }

    [Fact]
    public async Task GetPathAsync_CachedJar_IsUnderIgnoredFolderAndVerified()
    {
        var path = await WireMockJar.GetPathAsync();

        Assert.Equal(Path.Combine(RepositoryRoot.Find(), ".wiremock", WireMockJar.Version, WireMockJar.FileName), path);
        await using var stream = File.OpenRead(path);
        Assert.Equal(WireMockJar.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
    }

    private async Task<string> WriteTarballAsync(string entryName, string content)
    {
        var path = Path.Combine(_directory.FullName, "wiremock-test.tgz");
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var writer = new TarWriter(gzip);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
        await writer.WriteEntryAsync(entry);
        return path;
    }
}
