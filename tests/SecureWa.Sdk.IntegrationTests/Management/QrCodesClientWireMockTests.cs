using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.QrCodes;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// QR codes through the real pipeline. Stubbed bodies: facebook/openapi business-messaging-api_v23.0.yaml,
/// /{Phone-Number-ID}/message_qrdls and /message_qrdls/{QR-Code-ID} ("create_qr_code", "created_qr_code_with_image",
/// "default_fields", "successful_deletion"; paging as in schema QrCodeList).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class QrCodesClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private readonly ManagementTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task CreateAsync_WithSvgImage_SendsDocumentedBodyAndMapsCode()
    {
        // OpenAPI POST /{Phone-Number-ID}/message_qrdls "create_qr_code" → "created_qr_code_with_image" (image URL shortened).
        const string Expected = """{"prefilled_message":"Hi! I'm interested in your products. Can you help me?","generate_qr_image":"SVG"}""";
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/message_qrdls"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"code":"ANED2T5QRU7HG1","prefilled_message":"Hi! I'm interested in your products. Can you help me?","deep_link_url":"https://wa.me/message/ANED2T5QRU7HG1","qr_image_url":"https://scontent-iad3-2.xx.fbcdn.net/m1/v/t6/An-psFmLBls2NFXnh?ccb=10-5"}
            """)!), JsonNode.Parse(Expected));

        var code = await _context.Client.QrCodes.CreateAsync("Hi! I'm interested in your products. Can you help me?", QrImageFormat.Svg);

        Assert.Equal("ANED2T5QRU7HG1", code.Code);
        Assert.Equal(new Uri("https://wa.me/message/ANED2T5QRU7HG1"), code.DeepLinkUrl);
        Assert.NotNull(code.QrImageUrl);
        AssertBody(Expected, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task CreateAsync_MessageOver140_SendsNothing()
    {
        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.QrCodes.CreateAsync(new string('m', 141)));

        Assert.Equal(140, ex.Limit);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task UpdateAsync_SendsCode()
    {
        // OpenAPI "update_existing_qr_code" → "updated_qr_code".
        const string Expected = """{"code":"WOMVT6TJ2BP7A1","prefilled_message":"Hello! I'd like to know more about your latest offers."}""";
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/message_qrdls"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"code":"WOMVT6TJ2BP7A1","prefilled_message":"Hello! I'd like to know more about your latest offers.","deep_link_url":"https://wa.me/message/WOMVT6TJ2BP7A1"}
            """)!), JsonNode.Parse(Expected));

        var code = await _context.Client.QrCodes.UpdateAsync("WOMVT6TJ2BP7A1", "Hello! I'd like to know more about your latest offers.");

        Assert.Equal("Hello! I'd like to know more about your latest offers.", code.PrefilledMessage);
    }

    [Fact]
    public async Task ListAsync_TwoPagesWithImageFormat_FollowsCursor()
    {
        // OpenAPI GET /{Phone-Number-ID}/message_qrdls "default_fields", split over two pages with the QrCodeList paging example.
        var path = Path(PhoneNumberId + "/message_qrdls");
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"code":"5QBPAD2DC6L5A1","prefilled_message":"Show me Cyber Tuesday deals!","deep_link_url":"https://wa.me/message/5QBPAD2DC6L5A1"},
                     {"code":"ANED2T5QRU7HG1","prefilled_message":"Show me Cyber Monday deals!","deep_link_url":"https://wa.me/message/ANED2T5QRU7HG1"}],
             "paging":{"cursors":{"before":"MTYwNDYxNzIwMA==","after":"MTYwNDYxNzIwMQ=="},"next":"https://graph.facebook.com/v23.0/1234567890123456/message_qrdls?after=MTYwNDYxNzIwMQ=="}}
            """)!), query: new() { ["after"] = StringValuePattern.IsAbsent(), ["limit"] = StringValuePattern.IsEqualTo("2"), ["fields"] = StringValuePattern.IsEqualTo("code,prefilled_message,deep_link_url,qr_image_url.format(PNG)") });
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"code":"WOMVT6TJ2BP7A1","prefilled_message":"Tell me more about your production workshop","deep_link_url":"https://wa.me/message/WOMVT6TJ2BP7A1"}]}
            """)!), query: new() { ["after"] = StringValuePattern.IsEqualTo("MTYwNDYxNzIwMQ==") });

        var codes = new List<string>();
        await foreach (var code in _context.Client.QrCodes.ListAsync(new WhatsAppListOptions { PageSize = 2 }, QrImageFormat.Png))
        {
            codes.Add(code.Code);
        }

        Assert.Equal(["5QBPAD2DC6L5A1", "ANED2T5QRU7HG1", "WOMVT6TJ2BP7A1"], codes);
        Assert.Empty(await Admin.GetUnmatchedRequestsAsync());
    }

    [Fact]
    public async Task GetAsync_ReadsSingleCodeFromDataArray()
    {
        // OpenAPI GET /{Phone-Number-ID}/message_qrdls/{QR-Code-ID} "with_creation_time".
        await StubAsync(Admin, "GET", Path(PhoneNumberId + "/message_qrdls/ANED2T5QRU7HG1"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"code":"ANED2T5QRU7HG1","prefilled_message":"Show me Cyber Monday deals!","deep_link_url":"https://wa.me/message/ANED2T5QRU7HG1","creation_time":1672531200}]}
            """)!));

        var code = await _context.Client.QrCodes.GetAsync("ANED2T5QRU7HG1");

        Assert.Equal("Show me Cyber Monday deals!", code.PrefilledMessage);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1672531200), code.CreatedAt);
    }

    [Fact]
    public async Task DeleteAsync_Deletes()
    {
        // OpenAPI DELETE /{Phone-Number-ID}/message_qrdls/{QR-Code-ID} "successful_deletion".
        await StubAsync(Admin, "DELETE", Path(PhoneNumberId + "/message_qrdls/ANED2T5QRU7HG1"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));

        await _context.Client.QrCodes.DeleteAsync("ANED2T5QRU7HG1");

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task DeleteAsync_UnknownCode_ThrowsApiException()
    {
        // OpenAPI 404 example for message_qrdls: {"error":{"message":"Phone number not found","type":"GraphMethodException","code":803,…}}.
        await StubAsync(Admin, "DELETE", Path(PhoneNumberId + "/message_qrdls/ZZZZZZZZZZZZZZ"), ResponseDefinition.Json(404, JsonNode.Parse("""
            {"error":{"message":"Phone number not found","type":"GraphMethodException","code":803,"fbtrace_id":"AXsgnV2Cm3ZMGF3dF_cfYIn"}}
            """)!));

        var ex = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => _context.Client.QrCodes.DeleteAsync("ZZZZZZZZZZZZZZ"));

        Assert.Equal(803, ex.ErrorCode);
    }

    [Fact]
    public async Task GetAsync_CodeWithPathCharacters_SendsNothing()
    {
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.QrCodes.GetAsync("../../me"));

        Assert.Empty(await Admin.GetRequestsAsync());
    }
}
