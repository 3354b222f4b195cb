using System.Diagnostics;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Secrets;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSecretProviderHardeningTests : IDisposable
{
    private const string Token = "EAAG-file-token-0001";
    private readonly TemporaryDirectory _dir = new();
    private readonly TemporaryDirectory _elsewhere = new();

    public void Dispose()
    {
        _dir.Dispose();
        _elsewhere.Dispose();
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {process.StandardError.ReadToEnd()}");
    }

    private static async Task<SecretProviderException> RefusedAsync(FileSecretProvider provider, string name = SecretNames.AccessToken)
    {
        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(name).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.IsNotType<SecretNotFoundException>(ex);
        return ex;
    }

    [Fact]
    public async Task GetSecretAsync_SymbolicLinkLeavingTheDirectory_IsRefused()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        var outside = _elsewhere.WriteFile("root-only", "not-for-this-app");
        File.CreateSymbolicLink(_dir.Combine(SecretNames.AccessToken), outside);

        var ex = await RefusedAsync(new FileSecretProvider(_dir.Path));

        Assert.Contains("outside", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-for-this-app", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_RelativeLinkClimbingOutOfTheDirectory_IsRefused()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        var outside = _elsewhere.WriteFile("token", Token);
        File.CreateSymbolicLink(_dir.Combine(SecretNames.AccessToken), Path.GetRelativePath(_dir.Path, outside));

        var ex = await RefusedAsync(new FileSecretProvider(_dir.Path));

        Assert.Contains("outside", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_LinkToAnotherFileInsideTheDirectory_IsRead()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        _dir.WriteFile("..2026_01_01/token", Token);
        File.CreateSymbolicLink(_dir.Combine("..data"), "..2026_01_01");
        File.CreateSymbolicLink(_dir.Combine(SecretNames.AccessToken), "..data/token");

        var secret = await new FileSecretProvider(_dir.Path).GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal(Token, secret.Reveal());
    }

    [Theory]
    [InlineData("/proc/self/environ")]
    [InlineData("/proc/self/cmdline")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public async Task GetSecretAsync_MappedToAKernelOrDeviceFile_IsRefusedWithoutReading(string path)
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        var options = new FileSecretProviderOptions();
        options.Files[SecretNames.AccessToken] = path;

        var ex = await RefusedAsync(new FileSecretProvider(options));

        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_Fifo_IsRefusedWithoutBlocking()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        var fifo = _dir.Combine(SecretNames.AccessToken);
        Run("mkfifo", "-m", "600", fifo);

        var ex = await RefusedAsync(new FileSecretProvider(_dir.Path));

        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_FileOfAnotherUserInAWorldWritableDirectory_IsRefused()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (owners are enforced).");
        var shared = _dir.Combine("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b1_111_111_111); // 1777, like /tmp
        var planted = _dir.WriteFile("shared/" + SecretNames.AccessToken, Token);
        FileSecretProvider provider;
        if (Environment.UserName == "root")
        {
            // Planted by "nobody".
            Run("chown", "65534:65534", planted);
            provider = new FileSecretProvider(shared);
        }
        else
        {
            // Without root the file cannot be given away: the provider is told it runs as another (non-root) user.
            provider = new FileSecretProvider(new FileSecretProviderOptions { Directory = shared }) { AssumedEffectiveUserId = 65534 };
        }

        var ex = await RefusedAsync(provider);

        Assert.Contains("owned by another user", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_OwnFileInAWorldWritableDirectory_IsRead()
    {
        Assert.True(OperatingSystem.IsLinux(), "These tests run on Linux (symbolic links, FIFOs, modes and owners are enforced).");
        var shared = _dir.Combine("shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)0b1_111_111_111);
        _dir.WriteFile("shared/" + SecretNames.AccessToken, Token);

        var secret = await new FileSecretProvider(shared).GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal(Token, secret.Reveal());
    }

    [Theory]
    [InlineData(Token + "\nsecond-line")]
    [InlineData(Token + "\r\nsecond-line\n")]
    [InlineData("first\rsecond")]
    public async Task GetSecretAsync_MultiLineValue_IsRefused(string content)
    {
        _dir.WriteFile(SecretNames.AccessToken, content);

        var ex = await RefusedAsync(new FileSecretProvider(_dir.Path));

        Assert.Contains("several lines", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(FileSecretProviderOptions.MaxAllowedFileSize + 1)]
    public void Constructor_MaxFileSizeBeyondTheMaximum_Throws(int size)
    {
        var options = new FileSecretProviderOptions { Directory = _dir.Path, MaxFileSize = size };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FileSecretProvider(options));

        Assert.Contains(nameof(FileSecretProviderOptions.MaxFileSize), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_SmallFileUnderALargeCap_AllocatesAboutTheFileSize()
    {
        _dir.WriteFile(SecretNames.AccessToken, Token);
        var provider = new FileSecretProvider(new FileSecretProviderOptions { Directory = _dir.Path, MaxFileSize = FileSecretProviderOptions.MaxAllowedFileSize });
        provider.Invalidate(SecretNames.AccessToken);
        _ = await provider.GetSecretAsync(SecretNames.AccessToken); // warm up
        provider.Invalidate(SecretNames.AccessToken);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var secret = await provider.GetSecretAsync(SecretNames.AccessToken); // completes synchronously, on this thread
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Token, secret.Reveal());
        Assert.InRange(allocated, 1, 32 * 1024);
    }
}
