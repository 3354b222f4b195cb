using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media;
using static SecureWa.Sdk.Tests.Media.MediaTestSupport;

namespace SecureWa.Sdk.Tests.Media;

public class MediaClientInfoTests
{
    [Theory]
    [InlineData("\"303833\"")]
    [InlineData("303833")]
    public async Task GetInfoAsync_FileSizeAsStringOrNumber_IsParsed(string fileSize)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(
            $$"""{"messaging_product":"whatsapp","url":"{{MediaHost}}","mime_type":"image/jpeg","sha256":"81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3","file_size":{{fileSize}},"id":"2621233374848975"}"""));
        var client = CreateClient(handler);

        var info = await client.GetInfoAsync("2621233374848975");

        Assert.Equal("2621233374848975", info.Id);
        Assert.Equal(new Uri(MediaHost), info.Url);
        Assert.Equal("image/jpeg", info.MimeType);
        Assert.Equal("81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3", info.Sha256);
        Assert.Equal(303833, info.FileSize);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://graph.facebook.com/v23.0/2621233374848975", request.Uri.AbsoluteUri);
        Assert.Equal(WhatsAppOperationKind.Query, request.Operation);
    }

    [Fact]
    public async Task GetInfoAsync_WithPhoneNumberId_SendsItAsQueryParameter()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"5","sha256":"x"}"""));
        var client = CreateClient(handler);

        var info = await client.GetInfoAsync("5", "106540352242922");

        Assert.Null(info.Url);
        Assert.Null(info.FileSize);
        Assert.Equal("?phone_number_id=106540352242922", handler.Requests[0].Uri.Query);
    }

    [Fact]
    public void ToString_DoesNotRevealTheUrl()
    {
        var info = Info([1, 2, 3]);

        Assert.DoesNotContain("lookaside", info.ToString(), StringComparison.Ordinal);
        Assert.Contains(info.Id, info.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../123")]
    [InlineData("12/34")]
    [InlineData("12?x=1")]
    [InlineData("")]
    public async Task GetInfoAndDelete_InvalidMediaId_ThrowBeforeAnyRequest(string mediaId)
    {
        var handler = new RecordingHandler(_ => throw new InvalidOperationException("no request expected"));
        var client = CreateClient(handler);

        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.GetInfoAsync(mediaId));
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.DeleteAsync(mediaId));
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.DownloadAsync(mediaId, new MemoryStream()));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task DeleteAsync_Success_SendsDelete()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"success":true}"""));
        var client = CreateClient(handler);

        await client.DeleteAsync("2621233374848975");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/v23.0/2621233374848975", request.Uri.AbsolutePath);
        Assert.Equal(WhatsAppOperationKind.Delete, request.Operation);
    }

    [Theory]
    [InlineData("""{"success":false}""")]
    [InlineData("{}")]
    public async Task DeleteAsync_NotConfirmed_ThrowsUnexpectedResponse(string body)
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Json(body)));

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => client.DeleteAsync("1"));
    }

    [Fact]
    public async Task DeleteAsync_GraphError_ThrowsApiException()
    {
        var client = CreateClient(new RecordingHandler(_ => RecordingHandler.Json(
            """{"error":{"message":"Unsupported delete request","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"A1"}}""",
            HttpStatusCode.BadRequest)));

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.DeleteAsync("1"));

        Assert.Equal(33, ex.ErrorSubcode);
    }

    [Fact]
    public async Task MockingConstructor_AllowsOverridingMembers()
    {
        var mock = new FakeMediaClient();

        Assert.Equal("42", await mock.UploadAsync(new MemoryStream(), "image/png"));
    }

    private sealed class FakeMediaClient : MediaClient
    {
        public override Task<string> UploadAsync(Stream content, string mimeType, string? fileName = null, string? phoneNumberId = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("42");
    }
}
