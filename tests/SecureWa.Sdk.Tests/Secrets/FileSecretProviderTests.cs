using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Secrets;

public sealed class FileSecretProviderTests : IDisposable
{
    private const string Token = "EAAG-file-token-0001";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(Token)]
    [InlineData(Token + "\n")]
    [InlineData(Token + "\r\n")]
    public async Task GetSecretAsync_DirectoryConvention_ReadsValueAndTrimsOneTrailingNewline(string content)
    {
        _dir.WriteFile(SecretNames.AccessToken, content);
        var provider = new FileSecretProvider(_dir.Path);

        var secret = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal(Token, secret.Reveal());
        Assert.NotNull(secret.Version);
    }

    [Fact]
    public async Task GetSecretAsync_MappedRelativeFile_ResolvesAgainstDirectory()
    {
        _dir.WriteFile("whatsapp-token", Token);
        var options = new FileSecretProviderOptions { Directory = _dir.Path };
        options.Files[SecretNames.AccessToken] = "whatsapp-token";
        var provider = new FileSecretProvider(options);

        var secret = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal(Token, secret.Reveal());
        Assert.Equal(_dir.Combine("whatsapp-token"), provider.GetPath(SecretNames.AccessToken));
    }

    [Theory]
    [InlineData(Token + "\n\n", "white space")]
    [InlineData(Token + " \n", "white space")]
    [InlineData(" " + Token, "white space")]
    [InlineData("\t" + Token + "\n", "white space")]
    [InlineData(Token + "\r", "white space")]
    [InlineData("", "empty")]
    [InlineData("\n", "empty")]
    [InlineData("   \n", "empty")]
    public async Task GetSecretAsync_EmptyOrPaddedFile_ThrowsNamingSecretAndPathNotValue(string content, string expected)
    {
        var path = _dir.WriteFile(SecretNames.AccessToken, content);
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.IsNotType<SecretNotFoundException>(ex);
        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains("'AccessToken'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("file-token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_MissingFile_ThrowsNotFoundNamingSecretAndPath()
    {
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync(SecretNames.AppSecret).AsTask());

        Assert.Equal(SecretNames.AppSecret, ex.SecretName);
        Assert.Contains("'AppSecret'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.Combine(SecretNames.AppSecret), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_UnmappedNameWithoutDirectory_ThrowsNotFound()
    {
        var options = new FileSecretProviderOptions();
        options.Files[SecretNames.AccessToken] = _dir.Combine("token");
        var provider = new FileSecretProvider(options);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync(SecretNames.AppSecret).AsTask());

        Assert.Contains("No file is mapped to the secret 'AppSecret'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("sub/file")]
    [InlineData("..")]
    public async Task GetSecretAsync_NameThatIsAPath_IsNotTurnedIntoAPath(string name)
    {
        _dir.WriteFile("sub/file", Token);
        var provider = new FileSecretProvider(_dir.Combine("sub"));

        Assert.Null(provider.GetPath(name));
        Assert.False(provider.CanProvide(name));
        await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync(name).AsTask());
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, "0604")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.OtherWrite, "0402")]
    public async Task GetSecretAsync_WorldReadableOrWritableFile_IsRefused(UnixFileMode mode, string octal)
    {
        Assert.False(OperatingSystem.IsWindows(), "These tests run on Linux, where modes are enforced.");
        var path = _dir.WriteFile(SecretNames.AccessToken, Token, mode);
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(octal, ex.Message, StringComparison.Ordinal);
        Assert.Contains("every user", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task GetSecretAsync_FileBecomesWorldReadableAfterAGoodRead_IsRefusedOnTheNextRead()
    {
        var path = _dir.WriteFile(SecretNames.AccessToken, Token);
        var provider = new FileSecretProvider(_dir.Path);
        await provider.GetSecretAsync(SecretNames.AccessToken);

        File.SetUnixFileMode(path, TemporaryDirectory.OwnerOnly | UnixFileMode.OtherRead);

        await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    public async Task GetSecretAsync_OwnerOrGroupReadableFile_IsAccepted(UnixFileMode mode)
    {
        _dir.WriteFile(SecretNames.AccessToken, Token, mode);
        var provider = new FileSecretProvider(_dir.Path);

        Assert.Equal(Token, (await provider.GetSecretAsync(SecretNames.AccessToken)).Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_FileLargerThanCap_IsRefused()
    {
        _dir.WriteFile(SecretNames.AccessToken, new string('a', 101));
        var options = new FileSecretProviderOptions { Directory = _dir.Path, MaxFileSize = 100 };
        var provider = new FileSecretProvider(options);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("101 bytes, more than the 100 bytes allowed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_DefaultCap_Is64KiB()
    {
        _dir.WriteFile(SecretNames.AccessToken, new string('a', 64 * 1024));
        _dir.WriteFile(SecretNames.AppSecret, new string('a', (64 * 1024) + 1));
        var provider = new FileSecretProvider(_dir.Path);

        Assert.Equal(64 * 1024, (await provider.GetSecretAsync(SecretNames.AccessToken)).Reveal().Length);
        await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AppSecret).AsTask());
    }

    [Fact]
    public async Task GetSecretAsync_InvalidUtf8_IsRefused()
    {
        _dir.WriteBytes(SecretNames.AccessToken, [0x41, 0xC3, 0x28, 0x42]);
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_ByteOrderMark_IsRefused()
    {
        _dir.WriteBytes(SecretNames.AccessToken, [0xEF, 0xBB, 0xBF, .. "EAAG-token"u8]);
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("byte order mark", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_PathIsADirectory_ThrowsProviderError()
    {
        Directory.CreateDirectory(_dir.Combine(SecretNames.AccessToken));
        var provider = new FileSecretProvider(_dir.Path);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.IsNotType<SecretNotFoundException>(ex);
        Assert.Contains("is a directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_UnreadableFile_ThrowsProviderErrorNamingSecret()
    {
        // Mode bits cannot make a file unreadable for root (the tests may run as root), so use a file that is
        // unreadable for everyone: /proc/self/mem (mode 0600) fails with EIO when read at offset 0. Since /proc is
        // refused before any read (issue 19), the error is the refusal; it still names the secret and the path.
        Assert.True(OperatingSystem.IsLinux(), "This test needs /proc.");
        var options = new FileSecretProviderOptions();
        options.Files[SecretNames.AccessToken] = "/proc/self/mem";
        var provider = new FileSecretProvider(options);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.IsNotType<SecretNotFoundException>(ex);
        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains("of the secret 'AccessToken'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/proc/self/mem", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_FileRewritten_ReturnsNewValueAndVersion()
    {
        var path = _dir.WriteFile(SecretNames.AccessToken, Token + "\n");
        var provider = new FileSecretProvider(_dir.Path);
        var first = await provider.GetSecretAsync(SecretNames.AccessToken);

        _dir.WriteFile(SecretNames.AccessToken, "EAAG-file-token-0002-longer\n");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        var second = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-file-token-0002-longer", second.Reveal());
        Assert.NotEqual(first.Version, second.Version);
    }

    [Fact]
    public async Task GetSecretAsync_FileUnchanged_ServesCachedContentUntilInvalidated()
    {
        var path = _dir.WriteFile(SecretNames.AccessToken, "EAAG-aaaa");
        var provider = new FileSecretProvider(_dir.Path);
        var first = await provider.GetSecretAsync(SecretNames.AccessToken);
        var stamp = File.GetLastWriteTimeUtc(path);

        // Same length, same timestamp: looks unchanged, so the content is not read again...
        _dir.WriteFile(SecretNames.AccessToken, "EAAG-bbbb");
        File.SetLastWriteTimeUtc(path, stamp);
        var cached = await provider.GetSecretAsync(SecretNames.AccessToken);

        // ...until the value is invalidated (what the authentication handler does on Graph error 190).
        ((ISecretProvider)provider).Invalidate(SecretNames.AccessToken);
        var reread = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Same(first, cached);
        Assert.Equal("EAAG-bbbb", reread.Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_KubernetesDataLinkSwapped_ReadsTheNewTarget()
    {
        // The layout kubelet writes: <dir>/AccessToken -> ..data/AccessToken, ..data -> ..<timestamp>.
        var stamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var oldFile = _dir.WriteFile("..2026_01_01_00_00_00.1/AccessToken", "EAAG-k8s-old-0001\n", UnixFileMode.UserRead);
        File.SetLastWriteTimeUtc(oldFile, stamp);
        File.CreateSymbolicLink(_dir.Combine("..data"), "..2026_01_01_00_00_00.1");
        File.CreateSymbolicLink(_dir.Combine(SecretNames.AccessToken), "..data/AccessToken");
        var provider = new FileSecretProvider(_dir.Path);
        var before = await provider.GetSecretAsync(SecretNames.AccessToken);

        // A new version with the same length and the same timestamp: only the resolved target differs.
        var newFile = _dir.WriteFile("..2026_01_01_00_05_00.2/AccessToken", "EAAG-k8s-new-0002\n", UnixFileMode.UserRead);
        File.SetLastWriteTimeUtc(newFile, stamp);
        File.CreateSymbolicLink(_dir.Combine("..data_tmp"), "..2026_01_01_00_05_00.2");
        UnixRename.Replace(_dir.Combine("..data_tmp"), _dir.Combine("..data"));
        Directory.Delete(_dir.Combine("..2026_01_01_00_00_00.1"), recursive: true);
        var after = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-k8s-old-0001", before.Reveal());
        Assert.Equal("EAAG-k8s-new-0002", after.Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_SymbolicLinkLoop_ThrowsProviderError()
    {
        File.CreateSymbolicLink(_dir.Combine("a"), "b");
        File.CreateSymbolicLink(_dir.Combine("b"), "a");
        var options = new FileSecretProviderOptions { Directory = _dir.Path };
        options.Files[SecretNames.AccessToken] = "a";
        var provider = new FileSecretProvider(options);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("could not be resolved", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanProvide_ExistingAndMissingFiles_ChecksExistenceOnly()
    {
        _dir.WriteFile(SecretNames.AccessToken, "\n"); // invalid content: CanProvide does not read it
        var provider = new FileSecretProvider(_dir.Path);

        Assert.True(provider.CanProvide(SecretNames.AccessToken));
        Assert.False(provider.CanProvide(SecretNames.AppSecret));
    }

    [Fact]
    public void Constructor_NeitherDirectoryNorFiles_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FileSecretProvider(new FileSecretProviderOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileSecretProvider(new FileSecretProviderOptions { Directory = _dir.Path, MaxFileSize = 0 }));
    }
}
