using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Media;

[Collection(WireMockCollection.Name)]
public sealed class MediaClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Token = "EAAG-integration-test-token";
    private const string PhoneNumberId = "106540352242922";
    private const string MediaId = "1037543291543636";
    private const string AttachmentPath = "/whatsapp_business/attachments/";

    private static readonly byte[] Content = CreateContent();

    private string MediaUrl(string host = "127.0.0.1") => $"http://{host}:{WireMock.BaseUri.Port}{AttachmentPath}?mid={MediaId}&ext=1700000000&hash=ATsR";

    [Fact]
    public async Task UploadAsync_SeekableFile_JournalShowsMultipartPartsPathAndBearer()
    {
        await Admin.StubAsync(
            RequestPattern.For("POST", $"/v23.0/{PhoneNumberId}/media"),
            ResponseDefinition.Json(200, new JsonObject { ["id"] = "4490709327384033" }));
        using var client = CreateClient();

        var id = await client.Media.UploadAsync(new MemoryStream(Content), "application/pdf", "statement.pdf");

        Assert.Equal("4490709327384033", id);
        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v23.0/{PhoneNumberId}/media", request.Path);
        Assert.Equal("Bearer " + Token, request.Header("Authorization"));
        var parts = await ReadMultipartAsync(request);
        Assert.Equal(["messaging_product", "type", "file"], parts.Select(p => p.Name));
        Assert.Equal("whatsapp", Encoding.UTF8.GetString(parts[0].Content));
        Assert.Equal("application/pdf", Encoding.UTF8.GetString(parts[1].Content));
        Assert.Equal("statement.pdf", parts[2].FileName);
        Assert.Equal("application/pdf", parts[2].ContentType);
        Assert.Equal(Content, parts[2].Content);
    }

    [Fact]
    public async Task UploadAsync_UnseekableStream_IsStreamedWhole()
    {
        await Admin.StubAsync(
            RequestPattern.For("POST", $"/v23.0/{PhoneNumberId}/media"),
            ResponseDefinition.Json(200, new JsonObject { ["id"] = "77" }));
        using var client = CreateClient();

        var id = await client.Media.UploadAsync(new UnseekableStream(new MemoryStream(Content)), "image/png");

        Assert.Equal("77", id);
        var parts = await ReadMultipartAsync(Assert.Single(await Admin.GetRequestsAsync()));
        Assert.Equal(Content, parts[2].Content);
    }

    [Fact]
    public async Task UploadAsync_UnseekableStreamOverLimit_FailsWithValidationErrorThroughTheRealStack()
    {
        await Admin.StubAsync(
            RequestPattern.For("POST", $"/v23.0/{PhoneNumberId}/media"),
            ResponseDefinition.Json(200, new JsonObject { ["id"] = "77" }));
        using var client = CreateClient();
        var oversized = new byte[MediaUploadLimits.StaticStickerMaxBytes + 1];

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(
            () => client.Media.UploadAsync(new UnseekableStream(new MemoryStream(oversized)), "image/webp"));

        Assert.Equal("content", ex.Field);

        // The body was cut off before its end, so WireMock never saw a complete upload of the oversized file.
        foreach (var request in await Admin.GetRequestsAsync())
        {
            Assert.True(request.BodyBytes().Length <= MediaUploadLimits.StaticStickerMaxBytes);
        }
    }

    [Fact]
    public async Task UploadAsync_OversizeOrWrongType_FailsBeforeAnyRequest()
    {
        using var client = CreateClient();

        var tooBig = await Assert.ThrowsAsync<WhatsAppValidationException>(
            () => client.Media.UploadAsync(new MemoryStream(new byte[(5 * 1024 * 1024) + 1]), "image/jpeg"));
        var wrongType = await Assert.ThrowsAsync<WhatsAppValidationException>(
            () => client.Media.UploadAsync(new MemoryStream(Content), "image/gif"));

        Assert.Equal("content", tooBig.Field);
        Assert.Equal("type", wrongType.Field);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task GetInfoAsync_DocumentedAnswer_IsParsed()
    {
        await StubInfoAsync(MediaUrl(), Sha256Hex(Content));
        using var client = CreateClient();

        var info = await client.Media.GetInfoAsync(MediaId);

        Assert.Equal(MediaId, info.Id);
        Assert.Equal(new Uri(MediaUrl()), info.Url);
        Assert.Equal("application/pdf", info.MimeType);
        Assert.Equal(Sha256Hex(Content), info.Sha256);
        Assert.Equal(Content.Length, info.FileSize);
        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v23.0/{MediaId}", request.Path);
        Assert.Equal("Bearer " + Token, request.Header("Authorization"));
    }

    [Fact]
    public async Task DownloadAsync_RightHash_WritesTheBytesAndSendsTheBearerToTheAllowedHost()
    {
        await StubInfoAsync(MediaUrl(), Sha256Hex(Content));
        await StubAttachmentAsync(Content);
        using var client = CreateClient();
        var destination = new MemoryStream();

        var info = await client.Media.DownloadAsync(MediaId, destination);

        Assert.Equal(Content, destination.ToArray());
        Assert.Equal("application/pdf", info.MimeType);
        var requests = await Admin.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal($"/v23.0/{MediaId}", requests[0].Path);
        Assert.Equal(AttachmentPath, requests[1].Path);
        Assert.Equal([MediaId], requests[1].QueryParams["mid"]);
        Assert.Equal("Bearer " + Token, requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task DownloadAsync_WrongHash_ThrowsIntegrityAndLeavesNothing()
    {
        await StubInfoAsync(MediaUrl(), Sha256Hex(Encoding.UTF8.GetBytes("what Meta said it was")));
        await StubAttachmentAsync(Content);
        using var client = CreateClient();
        var destination = new MemoryStream();

        var ex = await Assert.ThrowsAsync<MediaIntegrityException>(() => client.Media.DownloadAsync(MediaId, destination));

        Assert.Equal(MediaId, ex.MediaId);
        Assert.Equal(0, destination.Length);
        Assert.Equal(2, (await Admin.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task DownloadToFileAsync_WrongHashThenRightHash_OnlyTheVerifiedFileAppears()
    {
        var directory = Directory.CreateTempSubdirectory("securewa-media-it-").FullName;
        try
        {
            var path = Path.Combine(directory, "statement.pdf");
            await StubInfoAsync(MediaUrl(), Sha256Hex([1, 2, 3]));
            await StubAttachmentAsync(Content);
            using var client = CreateClient();

            await Assert.ThrowsAsync<MediaIntegrityException>(() => client.Media.DownloadToFileAsync(MediaId, path));
            Assert.Empty(Directory.GetFileSystemEntries(directory));

            await Admin.ResetAsync();
            await StubInfoAsync(MediaUrl(), Sha256Hex(Content));
            await StubAttachmentAsync(Content);
            await client.Media.DownloadToFileAsync(MediaId, path);

            Assert.Equal([path], Directory.GetFileSystemEntries(directory));
            Assert.Equal(Content, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:{port}@localhost")]
    public async Task DownloadAsync_InfoUrlOnHostNotAllowed_IsRefusedWithoutRequestingIt(string host)
    {
        // "localhost" reaches this same WireMock, so a request the SDK made to it would be in the journal.
        await StubInfoAsync(MediaUrl(host.Replace("{port}", WireMock.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), Sha256Hex(Content));
        await StubAttachmentAsync(Content);
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<MediaDownloadRefusedException>(() => client.Media.DownloadAsync(MediaId, new MemoryStream()));

        Assert.Equal("localhost", ex.Host);
        var only = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("GET", only.Method);
        Assert.Equal($"/v23.0/{MediaId}", only.Path);
    }

    [Fact]
    public async Task DownloadAsync_BodyOverMaxDownloadBytes_StopsWithTooLarge()
    {
        await StubInfoAsync(MediaUrl(), Sha256Hex(Content), includeSize: false);
        await StubAttachmentAsync(Content);
        using var client = CreateClient(media => media.MaxDownloadBytes = Content.Length - 1);

        var ex = await Assert.ThrowsAsync<MediaDownloadTooLargeException>(() => client.Media.DownloadAsync(MediaId, new MemoryStream()));

        Assert.Equal(Content.Length - 1, ex.Limit);
    }

    [Fact]
    public async Task DeleteAsync_Confirmed_SendsDeleteWithBearer()
    {
        await Admin.StubAsync(RequestPattern.For("DELETE", $"/v23.0/{MediaId}"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));
        using var client = CreateClient();

        await client.Media.DeleteAsync(MediaId);

        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("Bearer " + Token, request.Header("Authorization"));
    }

    [Fact]
    public async Task DeleteAsync_GraphError_ThrowsApiException()
    {
        await Admin.StubAsync(
            RequestPattern.For("DELETE", $"/v23.0/{MediaId}"),
            ResponseDefinition.Json(400, JsonNode.Parse("""{"error":{"message":"Unsupported delete request","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AxYz"}}""")!));
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Media.DeleteAsync(MediaId));

        Assert.Equal(100, ex.ErrorCode);
        Assert.Equal("AxYz", ex.FbTraceId);
    }

    private static byte[] CreateContent()
    {
        var bytes = new byte[256 * 1024];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<List<(string Name, string? FileName, string? ContentType, byte[] Content)>> ReadMultipartAsync(LoggedRequest request)
    {
        var contentType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.BodyBytes()));
        var parts = new List<(string, string?, string?, byte[])>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = section.GetContentDispositionHeader()!;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, buffer.ToArray()));
        }

        return parts;
    }

    private WhatsAppClient CreateClient(Action<WhatsAppMediaOptions>? media = null)
    {
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId };
        options.Media.AllowedDownloadHosts.Add("127.0.0.1");
        media?.Invoke(options.Media);
        return new WhatsAppClient(options, new InMemorySecretProvider([new(SecretNames.AccessToken, Token)]));
    }

    private Task StubInfoAsync(string url, string sha256, bool includeSize = true)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = url,
            ["mime_type"] = "application/pdf",
            ["sha256"] = sha256,
            ["id"] = MediaId,
        };
        if (includeSize)
        {
            body["file_size"] = Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Admin.StubAsync(RequestPattern.For("GET", $"/v23.0/{MediaId}"), ResponseDefinition.Json(200, body));
    }

    private Task StubAttachmentAsync(byte[] bytes) => Admin.StubAsync(
        RequestPattern.For("GET", AttachmentPath),
        new ResponseDefinition
        {
            Base64Body = Convert.ToBase64String(bytes),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/pdf" },
        });
}
