using System.Text;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.TestSupport;
using static SecureWa.Sdk.Tests.Media.MediaTestSupport;

namespace SecureWa.Sdk.Tests.Media;

public sealed class MediaUploadContentChecksTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6];

    private static RecordingHandler Handler() => new(static _ => RecordingHandler.Json("""{"id":"1013859600285441"}"""));

    [Theory]
    [InlineData("image/png", "pdf")]
    [InlineData("image/jpeg", "png")]
    [InlineData("application/pdf", "exe")]
    [InlineData("text/plain", "exe")]
    [InlineData("image/webp", "zip")]
    [InlineData("video/mp4", "pdf")]
    public async Task UploadAsync_ContentOfAnotherFormat_RefusedBeforeAnyRequest(string mimeType, string actual)
    {
        var handler = Handler();
        var client = CreateClient(handler);
        var bytes = actual switch { "pdf" => Pdf, "png" => Png, "exe" => Exe, _ => Zip };

        var seekable = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream(bytes), mimeType));
        var unseekable = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new UnseekableStream(new MemoryStream(bytes)), mimeType));

        Assert.Equal("content", seekable.Field);
        Assert.Equal("content", unseekable.Field);
        Assert.Contains(mimeType, seekable.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("application/pdf", "pdf")]
    [InlineData("image/png", "png")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip")]
    public async Task UploadAsync_ContentMatchingItsType_SentWhole(string mimeType, string actual)
    {
        var handler = Handler();
        var client = CreateClient(handler);
        var bytes = actual switch { "pdf" => Pdf, "png" => Png, _ => Zip };

        await client.UploadAsync(new UnseekableStream(new MemoryStream(bytes)), mimeType);

        var request = Assert.Single(handler.Requests);
        var file = ParseMultipart(request.ContentType!, request.Body!).Single(static p => p.Name == "file");
        Assert.Equal(bytes, file.Content);
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("report\u2066.pdf")]
    [InlineData("a\u200Fb.pdf")]
    [InlineData("line\u2028break.pdf")]
    [InlineData("zero\u200Bwidth.pdf")]
    public async Task UploadAsync_FileNameWithBidiOrInvisibleCharacters_Refused(string fileName)
    {
        var handler = Handler();
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream(Pdf), "application/pdf", fileName));

        Assert.Equal("fileName", ex.Field);
        Assert.Empty(handler.Requests);
    }
}
