using System.Net;
using System.Text;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.TestSupport;
using static SecureWa.Sdk.Tests.Media.MediaTestSupport;

namespace SecureWa.Sdk.Tests.Media;

public class MediaClientUploadTests
{
    public static TheoryData<string, bool, long> Limits => new()
    {
        { "image/jpeg", false, 5 * 1024 * 1024 },
        { "image/png", false, 5 * 1024 * 1024 },
        { "audio/ogg", false, 16 * 1024 * 1024 },
        { "audio/mpeg", false, 16 * 1024 * 1024 },
        { "video/mp4", false, 16 * 1024 * 1024 },
        { "video/3gpp", false, 16 * 1024 * 1024 },
        { "application/pdf", false, 100 * 1024 * 1024 },
        { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, 100 * 1024 * 1024 },
        { "image/webp", false, 100 * 1024 },
        { "image/webp", true, 500 * 1024 },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task UploadAsync_ExactlyAtLimit_IsSent(string mimeType, bool animated, long limit)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"4490709327384033"}"""), readBody: false);
        var client = CreateClient(handler);

        var id = await client.UploadAsync(new ZeroStream(limit), new MediaUploadOptions(mimeType) { IsAnimatedSticker = animated });

        Assert.Equal("4490709327384033", id);
        Assert.Single(handler.Requests);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task UploadAsync_OneByteOverLimit_ThrowsBeforeAnyRequest(string mimeType, bool animated, long limit)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(
            () => client.UploadAsync(new ZeroStream(limit + 1), new MediaUploadOptions(mimeType) { IsAnimatedSticker = animated }));

        Assert.Equal("content", ex.Field);
        Assert.Equal((int)limit, ex.Limit);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("application/zip")]
    [InlineData("video/quicktime")]
    [InlineData("text/html")]
    [InlineData("")]
    [InlineData("image")]
    public async Task UploadAsync_UnsupportedMimeType_ThrowsBeforeAnyRequest(string mimeType)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream([1, 2, 3]), mimeType));

        Assert.Equal("type", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task UploadAsync_StaticStickerBetweenLimits_ThrowsUnlessMarkedAnimated()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""), readBody: false);
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new ZeroStream(300 * 1024), "image/webp"));
        Assert.Empty(handler.Requests);

        await client.UploadAsync(new ZeroStream(300 * 1024), new MediaUploadOptions("image/webp") { IsAnimatedSticker = true });
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task UploadAsync_ValidContent_SendsMultipartToPhoneNumberMediaPath()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"4490709327384033"}"""));
        var client = CreateClient(handler);
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 test document");

        var id = await client.UploadAsync(new MemoryStream(content), "application/pdf", "invoice.pdf");

        Assert.Equal("4490709327384033", id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://graph.facebook.com/v23.0/{PhoneNumberId}/media", request.Uri.AbsoluteUri);
        Assert.Equal(WhatsAppOperationKind.UploadMedia, request.Operation);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var parts = ParseMultipart(request.ContentType!, request.Body!);
        Assert.Equal(["messaging_product", "type", "file"], parts.Select(p => p.Name));
        Assert.Equal("whatsapp", Encoding.UTF8.GetString(parts[0].Content));
        Assert.Equal("application/pdf", Encoding.UTF8.GetString(parts[1].Content));
        Assert.Equal("invoice.pdf", parts[2].FileName);
        Assert.Equal("application/pdf", parts[2].ContentType);
        Assert.Equal(content, parts[2].Content);
    }

    [Fact]
    public async Task UploadAsync_MimeTypeWithParametersAndCase_SendsNormalizedType()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""));
        var client = CreateClient(handler);

        await client.UploadAsync(new MemoryStream([1, 2, 3]), " Audio/OGG; codecs=opus", phoneNumberId: "998877");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v23.0/998877/media", request.Uri.AbsolutePath);
        var parts = ParseMultipart(request.ContentType!, request.Body!);
        Assert.Equal("audio/ogg", Encoding.UTF8.GetString(parts[1].Content));
        Assert.Equal("audio/ogg", parts[2].ContentType);
        Assert.Equal("file", parts[2].FileName);
    }

    [Fact]
    public async Task UploadAsync_SeekableStreamFromMiddle_SendsOnlyTheRemainder()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""));
        var client = CreateClient(handler);
        var stream = new MemoryStream([9, 9, 1, 2, 3]) { Position = 2 };

        await client.UploadAsync(stream, "image/png");

        var parts = ParseMultipart(handler.Requests[0].ContentType!, handler.Requests[0].Body!);
        Assert.Equal(new byte[] { 1, 2, 3 }, parts[2].Content);
    }

    [Fact]
    public async Task UploadAsync_UnseekableStreamAtLimit_StreamsAllBytes()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""));
        var client = CreateClient(handler);
        var content = new byte[100 * 1024];
        Random.Shared.NextBytes(content);
        var source = new UnseekableStream(new MemoryStream(content));

        await client.UploadAsync(source, "image/webp");

        var parts = ParseMultipart(handler.Requests[0].ContentType!, handler.Requests[0].Body!);
        Assert.Equal(content, parts[2].Content);
        Assert.False(source.Disposed);
    }

    [Fact]
    public async Task UploadAsync_UnseekableStreamOverLimit_ThrowsValidationWhileStreaming()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""));
        var client = CreateClient(handler);
        var source = new UnseekableStream(new MemoryStream(new byte[(100 * 1024) + 1]));

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(source, "image/webp"));

        Assert.Equal("content", ex.Field);
        Assert.Equal(100 * 1024, ex.Limit);
        Assert.Empty(handler.Requests); // the handler never got a complete body, so never answered
    }

    [Fact]
    public async Task UploadAsync_CallerStream_IsNotDisposed()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"1"}"""));
        var client = CreateClient(handler);
        var stream = new MemoryStream([1, 2, 3]);

        await client.UploadAsync(stream, "image/png");

        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task UploadAsync_EmptySeekableStream_ThrowsBeforeAnyRequest()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream(), "image/png"));

        Assert.Equal("content", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a\\b.pdf")]
    [InlineData("quote\".pdf")]
    [InlineData("line\r\nbreak.pdf")]
    [InlineData("")]
    [InlineData("..")]
    public async Task UploadAsync_UnsafeFileName_ThrowsBeforeAnyRequest(string fileName)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream([1]), "application/pdf", fileName));

        Assert.Equal("fileName", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task UploadAsync_NoPhoneNumberId_ThrowsBeforeAnyRequest()
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler, o => o.PhoneNumberId = null);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.UploadAsync(new MemoryStream([1]), "image/png"));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task UploadAsync_GraphError_ThrowsApiException()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(
            """{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"AbC"}}""",
            HttpStatusCode.BadRequest));
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.UploadAsync(new MemoryStream([1]), "image/png"));

        Assert.Equal(100, ex.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_AnswerWithoutId_ThrowsUnexpectedResponse()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("{}"));
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => client.UploadAsync(new MemoryStream([1]), "image/png"));
    }
}
