using System.Net;
using System.Text;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media;
using static SecureWa.Sdk.Tests.Media.MediaTestSupport;

namespace SecureWa.Sdk.Tests.Media;

public class MediaClientDownloadTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("\xFF\xD8 pretend this is a JPEG");

    [Fact]
    public async Task DownloadAsync_MatchingHash_WritesBytesAndTagsRequest()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var destination = new MemoryStream();

        var written = await client.DownloadAsync(Info(Content), destination);

        Assert.Equal(Content.Length, written);
        Assert.Equal(Content, destination.ToArray());
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(new Uri(MediaHost), request.Uri);
        Assert.Equal(WhatsAppOperationKind.DownloadMedia, request.Operation);
    }

    [Theory]
    [InlineData("upper")]
    [InlineData("base64")]
    public async Task DownloadAsync_HashInOtherAcceptedForms_Verifies(string form)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Content);
        var text = form == "upper" ? Convert.ToHexString(hash) : Convert.ToBase64String(hash);
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var destination = new MemoryStream();

        await client.DownloadAsync(Info(Content, sha256: text), destination);

        Assert.Equal(Content, destination.ToArray());
    }

    [Fact]
    public async Task DownloadAsync_HashMismatch_ThrowsAndTruncatesSeekableDestination()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var destination = new MemoryStream();
        destination.Write("kept"u8);

        var ex = await Assert.ThrowsAsync<MediaIntegrityException>(
            () => client.DownloadAsync(Info(Content, sha256: Sha256Hex("other"u8.ToArray())), destination));

        Assert.Equal("1037543291543636", ex.MediaId);
        Assert.Equal("kept"u8.ToArray(), destination.ToArray());
        Assert.Equal(4, destination.Position);
    }

    [Fact]
    public async Task DownloadAsync_HashMismatchUnseekableDestination_Throws()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var destination = new WriteOnlyStream();

        await Assert.ThrowsAsync<MediaIntegrityException>(
            () => client.DownloadAsync(Info(Content, sha256: Sha256Hex("other"u8.ToArray())), destination));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-hash")]
    [InlineData("abcd")]
    public async Task DownloadAsync_MissingOrMalformedHash_ThrowsBeforeAnyRequest(string? sha256)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);
        var info = new MediaInfo { Id = "1", Url = new Uri(MediaHost), Sha256 = sha256 };

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.DownloadAsync(info, new MemoryStream()));

        Assert.Equal("info.Sha256", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("https://evil.example/whatsapp_business/attachments/?mid=1")]
    [InlineData("http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")]
    [InlineData("https://lookaside.fbsbx.com@evil.example/whatsapp_business/attachments/?mid=1")]
    [InlineData("https://user:secret@lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")]
    [InlineData("https://lookaside.fbsbx.com.evil.example/x")]
    [InlineData("https://evillookaside.fbsbx.com/x")]
    [InlineData("https://cdn.fbsbx.com/x")]
    [InlineData("https://lookaside.fbsbx.com./x")]
    [InlineData("ftp://lookaside.fbsbx.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("https://127.0.0.1/x")]
    public async Task DownloadAsync_UrlNotAllowedByDefault_RefusedBeforeAnyRequest(string url)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content, url), new MemoryStream()));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("https://evilfbsbx.com/x")]
    [InlineData("https://fbsbx.com/x")]
    [InlineData("https://fbsbx.com.evil.example/x")]
    [InlineData("http://cdn.fbsbx.com/x")]
    [InlineData("https://lookaside.fbsbx.com@evil.example/x")]
    public async Task DownloadAsync_SuffixRule_RefusesLookalikes(string url)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler, o => o.Media.AllowedDownloadHosts = [".fbsbx.com"]);

        var ex = await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content, url), new MemoryStream()));

        Assert.DoesNotContain("/x", ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("https://cdn.fbsbx.com/x")]
    [InlineData("https://a.b.FBSBX.com/x")]
    [InlineData("https://lookaside.fbsbx.com:8443/x")]
    public async Task DownloadAsync_SuffixRule_AllowsSubdomains(string url)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler, o => o.Media.AllowedDownloadHosts = [".fbsbx.com"]);

        await client.DownloadAsync(Info(Content, url), new MemoryStream());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task DownloadAsync_DefaultHostInOtherCase_IsAllowed()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);

        await client.DownloadAsync(Info(Content, "https://LOOKASIDE.fbsbx.COM/whatsapp_business/attachments/?mid=1"), new MemoryStream());

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:8080/media/1")]
    [InlineData("localhost", "http://localhost:8080/media/1")]
    [InlineData("[::1]", "http://[::1]:8080/media/1")]
    public async Task DownloadAsync_PlainHttpToListedLoopbackHost_IsAllowed(string entry, string url)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content));
        var client = CreateClient(handler, o => o.Media.AllowedDownloadHosts = [entry]);

        await client.DownloadAsync(Info(Content, url), new MemoryStream());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task DownloadAsync_PlainHttpToListedNonLoopbackHost_IsRefused()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler, o => o.Media.AllowedDownloadHosts = ["media.example.com", "10.0.0.5"]);

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content, "http://media.example.com/x"), new MemoryStream()));
        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content, "http://10.0.0.5/x"), new MemoryStream()));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DownloadAsync_ConfiguredHostReplacesDefault()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler, o => o.Media.AllowedDownloadHosts = ["media.example.com"]);

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content), new MemoryStream()));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DownloadAsync_NoUrl_RefusedBeforeAnyRequest()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);
        var info = new MediaInfo { Id = "1", Sha256 = Sha256Hex(Content) };

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(info, new MemoryStream()));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DownloadAsync_FileSizeOverCap_ThrowsBeforeAnyRequest()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler, o => o.Media.MaxDownloadBytes = Content.Length - 1);

        var ex = await Assert.ThrowsAsync<MediaDownloadTooLargeException>(() => client.DownloadAsync(Info(Content), new MemoryStream()));

        Assert.Equal(Content.Length - 1, ex.Limit);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadAsync_BodyOverCapWithUnknownSize_ThrowsTooLargeAndKeepsNothing(bool announceLength)
    {
        var body = new byte[64];
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(body, announceLength));
        var client = CreateClient(handler, o => o.Media.MaxDownloadBytes = 63);
        var destination = new MemoryStream();

        await Assert.ThrowsAsync<MediaDownloadTooLargeException>(() => client.DownloadAsync(Info(body, fileSize: null), destination));

        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task DownloadAsync_BodyExactlyAtCap_Succeeds()
    {
        var body = new byte[64];
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(body, announceLength: false));
        var client = CreateClient(handler, o => o.Media.MaxDownloadBytes = 64);

        var written = await client.DownloadAsync(Info(body, fileSize: null), new MemoryStream());

        Assert.Equal(64, written);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadAsync_BodyLongerThanFileSize_ThrowsIntegrity(bool announceLength)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes([.. Content, 0x00], announceLength));
        var client = CreateClient(handler);
        var destination = new MemoryStream();

        await Assert.ThrowsAsync<MediaIntegrityException>(() => client.DownloadAsync(Info(Content), destination));

        Assert.Equal(0, destination.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DownloadAsync_BodyShorterThanFileSize_ThrowsIntegrity(bool announceLength)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Bytes(Content[..^1], announceLength));
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<MediaIntegrityException>(() => client.DownloadAsync(Info(Content), new MemoryStream()));
    }

    [Fact]
    public async Task DownloadAsync_HostAnswersError_ThrowsApiException()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("gone") });
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.DownloadAsync(Info(Content), new MemoryStream()));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task DownloadAsync_CancelledWhileStreaming_ThrowsAndKeepsNothing()
    {
        using var cts = new CancellationTokenSource();
        var body = new byte[200_000];
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new CancelAfterFirstReadStream(new MemoryStream(body), cts)),
        });
        var client = CreateClient(handler);
        var destination = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DownloadAsync(Info(body), destination, cts.Token));

        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task DownloadAsync_ByMediaId_ReadsInfoThenFetchesItsUrl()
    {
        var hash = Sha256Hex(Content);
        var handler = new RecordingHandler(request => request.RequestUri!.Host == "graph.facebook.com"
            ? RecordingHandler.Json($$"""{"messaging_product":"whatsapp","url":"{{MediaHost}}","mime_type":"image/jpeg","sha256":"{{hash}}","file_size":"{{Content.Length}}","id":"1037543291543636"}""")
            : RecordingHandler.Bytes(Content));
        var client = CreateClient(handler);
        var destination = new MemoryStream();

        var info = await client.DownloadAsync("1037543291543636", destination);

        Assert.Equal("image/jpeg", info.MimeType);
        Assert.Equal(Content, destination.ToArray());
        Assert.Collection(
            handler.Requests,
            r => Assert.Equal("/v23.0/1037543291543636", r.Uri.AbsolutePath),
            r => Assert.Equal(new Uri(MediaHost), r.Uri));
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("https://lookaside.fbsbx.com@evil.example/steal")]
    [InlineData("https://evil.example\\\\@lookaside.fbsbx.com/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/whatsapp_business/attachments/?mid=1")]
    [InlineData("javascript:alert(1)")]
    public async Task DownloadAsync_ByMediaIdWithForeignUrl_OnlyTheInfoRequestIsMade(string url)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(
            $$"""{"url":"{{url}}","mime_type":"image/jpeg","sha256":"{{Sha256Hex(Content)}}","file_size":"3","id":"1"}"""));
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync("1", new MemoryStream()));

        var only = Assert.Single(handler.Requests);
        Assert.Equal("graph.facebook.com", only.Uri.Host);
    }

    [Fact]
    public async Task DownloadAsync_RefusedHost_IsNamedInTheException()
    {
        var client = CreateClient(new RecordingHandler(_ => throw new InvalidOperationException("no request expected")));

        var ex = await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.DownloadAsync(Info(Content, "https://evil.example/steal?token=1"), new MemoryStream()));

        Assert.Equal("evil.example", ex.Host);
        Assert.DoesNotContain("steal", ex.Message, StringComparison.Ordinal);
    }

    private sealed class WriteOnlyStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }

    private sealed class CancelAfterFirstReadStream(Stream inner, CancellationTokenSource cts) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, Math.Min(count, 1024));
            cts.Cancel();
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
