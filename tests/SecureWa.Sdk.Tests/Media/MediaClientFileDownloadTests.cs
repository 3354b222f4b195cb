using System.Text;
using SecureWa.Sdk.Media;
using static SecureWa.Sdk.Tests.Media.MediaTestSupport;

namespace SecureWa.Sdk.Tests.Media;

public sealed class MediaClientFileDownloadTests : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("%PDF-1.7 the real document");

    private readonly string _directory = Directory.CreateTempSubdirectory("securewa-media-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task DownloadToFileAsync_MatchingHash_CreatesFileAndNoTemporaryFile()
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Bytes(Content)));
        var path = Path.Combine(_directory, "invoice.pdf");

        var written = await client.DownloadToFileAsync(Info(Content), path);

        Assert.Equal(Content.Length, written);
        Assert.Equal(Content, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task DownloadToFileAsync_HashMismatch_LeavesNoFileAtAll()
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Bytes(Content)));
        var path = Path.Combine(_directory, "invoice.pdf");

        await Assert.ThrowsAsync<MediaIntegrityException>(() => client.DownloadToFileAsync(Info(Content, sha256: Sha256Hex([1, 2, 3])), path));

        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task DownloadToFileAsync_HashMismatchWithOverwrite_KeepsTheOldFile()
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Bytes(Content)));
        var path = Path.Combine(_directory, "invoice.pdf");
        await File.WriteAllTextAsync(path, "previous");

        await Assert.ThrowsAsync<MediaIntegrityException>(
            () => client.DownloadToFileAsync(Info(Content, sha256: Sha256Hex([1, 2, 3])), path, overwrite: true));

        Assert.Equal("previous", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task DownloadToFileAsync_ExistingFileWithoutOverwrite_ThrowsBeforeAnyRequest()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);
        var path = Path.Combine(_directory, "invoice.pdf");
        await File.WriteAllTextAsync(path, "previous");

        await Assert.ThrowsAsync<IOException>(() => client.DownloadToFileAsync(Info(Content), path));
        await Assert.ThrowsAsync<IOException>(() => client.DownloadToFileAsync("1037543291543636", path));

        Assert.Empty(handler.Requests);
        Assert.Equal("previous", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task DownloadToFileAsync_Overwrite_ReplacesTheFile()
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Bytes(Content)));
        var path = Path.Combine(_directory, "invoice.pdf");
        await File.WriteAllTextAsync(path, "previous");

        await client.DownloadToFileAsync(Info(Content), path, overwrite: true);

        Assert.Equal(Content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task DownloadToFileAsync_ForeignHost_CreatesNothingAndSendsNothing()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);
        var path = Path.Combine(_directory, "invoice.pdf");

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadToFileAsync(Info(Content, "https://evil.example/x"), path));

        Assert.Empty(handler.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Fact]
    public async Task DownloadToFileAsync_ByMediaId_ReturnsInfoAndWritesFile()
    {
        var hash = Sha256Hex(Content);
        var handler = new RecordingHandler(request => request.RequestUri!.Host == "graph.facebook.com"
            ? RecordingHandler.Json($$"""{"url":"{{MediaHost}}","mime_type":"application/pdf","sha256":"{{hash}}","file_size":{{Content.Length}},"id":"77"}""")
            : RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var path = Path.Combine(_directory, "doc.pdf");

        var info = await client.DownloadToFileAsync("77", path);

        Assert.Equal("application/pdf", info.MimeType);
        Assert.Equal(Content.Length, info.FileSize);
        Assert.Equal(Content, await File.ReadAllBytesAsync(path));
    }
}
