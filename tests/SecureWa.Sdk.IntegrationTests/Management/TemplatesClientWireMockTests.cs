using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Templates;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// Templates through the real pipeline against WireMock. Stubbed bodies are the examples of Meta's OpenAPI description
/// (facebook/openapi, business-messaging-api_v23.0.yaml, paths /{WABA-ID}/message_templates and /{TEMPLATE_ID}).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class TemplatesClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private readonly ManagementTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task CreateAsync_DocumentedUtilityTemplate_SendsExactBodyAndReturnsTypedResult()
    {
        // Request: OpenAPI example "Create template w/ document header, text body, a phone number button, and a URL button".
        // Response: OpenAPI "Example response" {"category":"UTILITY","id":"1689556908129832","status":"PENDING"}.
        const string Handle = "4::YXBwbGljYXRpb24vcGRm:ARZVv4zuogJMxmAdS3_6T4o_K4ll2806avA7rWpikisTzYPsXXUeKk0REjS-hIM1rYrizHD7rQXj951TKgUFblgd_BDWVROCwRkg9Vhjj-cHNQ:e:1681237341:634974688087057:100089620928913:ARa1ZDhwbLZM3EENeeg";
        var expected = $$$"""
            {"category":"UTILITY","components":[
              {"example":{"header_handle":["{{{Handle}}}"]},"format":"DOCUMENT","type":"HEADER"},
              {"example":{"body_text":[["Mark","860198-230332"]]},"text":"Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!","type":"BODY"},
              {"buttons":[{"phone_number":"16467043595","text":"Call","type":"PHONE_NUMBER"},{"text":"Contact Support","type":"URL","url":"https://www.examplesite.com/support"}],"type":"BUTTONS"}],
             "language":"en_US","name":"order_confirmation"}
            """;
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/message_templates"),
            ResponseDefinition.Json(200, new JsonObject { ["category"] = "UTILITY", ["id"] = "1689556908129832", ["status"] = "PENDING" }),
            JsonNode.Parse(expected), token: _context.Token);

        var result = await _context.Client.Templates.CreateAsync(new TemplateDefinition("order_confirmation", "en_US", TemplateCategory.Utility,
            TemplateHeaderDefinition.Document(Handle),
            new TemplateBodyDefinition("Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!", "Mark", "860198-230332"),
            new TemplateButtonsDefinition(new TemplatePhoneNumberButton("Call", "16467043595"), new TemplateUrlButton("Contact Support", "https://www.examplesite.com/support"))));

        Assert.Equal("1689556908129832", result.Id);
        Assert.Equal(TemplateStatus.Pending, result.Status);
        Assert.Equal(TemplateCategory.Utility, result.Category);
        AssertBody(expected, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task CreateAsync_AuthenticationCopyCode_SendsOpenApiBody()
    {
        // Request: OpenAPI example "Create authentication template w/ OTP copy code button"; response: "Create Flow Template ..." shape {"category","id","status"}.
        const string Expected = """
            {"category":"AUTHENTICATION","components":[{"add_security_recommendation":true,"type":"BODY"},{"code_expiration_minutes":10,"type":"FOOTER"},
              {"buttons":[{"otp_type":"COPY_CODE","text":"Copy Code","type":"OTP"}],"type":"BUTTONS"}],"language":"en_US","name":"authentication_code_copy_code_button"}
            """;
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/message_templates"),
            ResponseDefinition.Json(200, new JsonObject { ["category"] = "AUTHENTICATION", ["id"] = "594425479261596", ["status"] = "APPROVED" }), JsonNode.Parse(Expected));

        var result = await _context.Client.Templates.CreateAsync(new TemplateDefinition("authentication_code_copy_code_button", "en_US", TemplateCategory.Authentication,
            TemplateBodyDefinition.Authentication(),
            TemplateFooterDefinition.Authentication(10),
            new TemplateButtonsDefinition(new TemplateOtpButton(TemplateOtpType.CopyCode, "Copy Code"))));

        Assert.Equal(TemplateStatus.Approved, result.Status);
    }

    [Fact]
    public async Task CreateAsync_GraphError_ThrowsApiExceptionWithCodeAndTrace()
    {
        // Error envelope as documented (CLOUD-API-FACTS "Errors"); 100 / 2388023 is Meta's "name already in use in this language" subcode.
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/message_templates"),
            ResponseDefinition.Json(400, CloudApiStubs.GraphError(100, "OAuthException", "Invalid parameter", 2388023, "Message template language is being deleted.", "AbCdEfTrace")));

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => _context.Client.Templates.CreateAsync(
            new TemplateDefinition("seasonal_promotion", "en", TemplateCategory.Marketing, new TemplateBodyDefinition("Sale ends soon."))));

        Assert.Equal(100, ex.ErrorCode);
        Assert.Equal("AbCdEfTrace", ex.FbTraceId);
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsNotRetriedAndOutcomeIsUnknown()
    {
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/message_templates"), ResponseDefinition.Json(500, CloudApiStubs.GraphError(2, "OAuthException", "Service temporarily unavailable", null, "", "Atrace")));

        await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => _context.Client.Templates.CreateAsync(
            new TemplateDefinition("seasonal_promotion", "en", TemplateCategory.Marketing, new TemplateBodyDefinition("Sale ends soon."))));

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task CreateAsync_InvalidDefinition_SendsNothing()
    {
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.Templates.CreateAsync(
            new TemplateDefinition("Bad-Name", "en", TemplateCategory.Marketing, new TemplateBodyDefinition("Hi {{1}}."))));

        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task ListAsync_TwoPagesWithFilters_FollowsCursorOnOwnHost()
    {
        // Page bodies: OpenAPI GET /{WABA-ID}/message_templates "Example response" (data + paging.cursors), split over two pages;
        // the first page's "next" names another host, which must never be requested.
        var first = JsonNode.Parse("""
            {"data":[{"category":"MARKETING","components":[{"format":"TEXT","text":"Hello World","type":"HEADER"},{"text":"Welcome and congratulations!!","type":"BODY"},{"text":"WhatsApp Business API Team","type":"FOOTER"}],
              "id":"1192339204654487","language":"en_US","name":"hello_world","previous_category":"ACCOUNT_UPDATE","status":"APPROVED"}],
             "paging":{"cursors":{"after":"MjQZD","before":"MAZDZD"},"next":"https://evil.example/v23.0/102290129340398/message_templates?after=MjQZD"}}
            """)!;
        var second = JsonNode.Parse("""
            {"data":[{"category":"MARKETING","components":[{"example":{"body_text":[["Mark","FALL25"]]},"text":"Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off every order above $350!","type":"BODY"}],
              "id":"920070352646140","language":"en_US","name":"2023_april_promo","status":"APPROVED"}],
             "paging":{"cursors":{"after":"MjQZE","before":"MjQZD"}}}
            """)!;
        var path = Path(BusinessAccountId + "/message_templates");
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, first), query: new() { ["status"] = StringValuePattern.IsEqualTo("APPROVED"), ["category"] = StringValuePattern.IsEqualTo("MARKETING"), ["limit"] = StringValuePattern.IsEqualTo("1"), ["after"] = StringValuePattern.IsAbsent() });
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, second), query: new() { ["after"] = StringValuePattern.IsEqualTo("MjQZD") });

        var templates = new List<MessageTemplate>();
        await foreach (var template in _context.Client.Templates.ListAsync(new TemplateListOptions { Status = TemplateStatus.Approved, Category = TemplateCategory.Marketing, PageSize = 1 }))
        {
            templates.Add(template);
        }

        Assert.Equal(["hello_world", "2023_april_promo"], templates.Select(t => t.Name));
        Assert.Equal(new TemplateCategory("ACCOUNT_UPDATE"), templates[0].PreviousCategory);
        Assert.Equal("Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off every order above $350!", templates[1].BodyText);
        Assert.Equal(3, templates[0].Components.Count);
        var requests = await Admin.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(path, r.Path));
        Assert.Empty(await Admin.GetUnmatchedRequestsAsync());
    }

    [Fact]
    public async Task GetAsync_DocumentedTemplate_MapsFields()
    {
        // OpenAPI GET /{TEMPLATE_ID} "Example response".
        await StubAsync(Admin, "GET", Path("920070352646140"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"category":"MARKETING","components":[{"format":"TEXT","text":"Fall Sale","type":"HEADER"},
              {"example":{"body_text":[["Mark","FALL25"]]},"text":"Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off every order above $350!","type":"BODY"},
              {"text":"Not interested in any of our sales? Tap Stop Promotions","type":"FOOTER"},{"buttons":[{"text":"Stop promotions","type":"QUICK_REPLY"}],"type":"BUTTONS"}],
             "id":"920070352646140","language":"en_US","name":"2023_april_promo","status":"APPROVED"}
            """)!));

        var template = await _context.Client.Templates.GetAsync("920070352646140");

        Assert.Equal("920070352646140", template.Id);
        Assert.Equal("2023_april_promo", template.Name);
        Assert.Equal(TemplateStatus.Approved, template.Status);
        Assert.Equal(TemplateCategory.Marketing, template.Category);
        Assert.Equal(4, template.Components.Count);
    }

    [Fact]
    public async Task EditAsync_PostsToTemplateIdWithSuccess()
    {
        // OpenAPI POST /{TEMPLATE_ID} "Edit template": response {"success":true}.
        const string Expected = """{"category":"MARKETING","components":[{"text":"Not interested in any of our sales? Tap Stop Promotions","type":"FOOTER"},{"example":{"body_text":[["Mark","FALL25"]]},"text":"Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off!","type":"BODY"}]}""";
        await StubAsync(Admin, "POST", Path("920070352646140"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }), JsonNode.Parse(Expected));

        await _context.Client.Templates.EditAsync("920070352646140", new TemplateEdit
        {
            Category = TemplateCategory.Marketing,
            Components = [new TemplateFooterDefinition("Not interested in any of our sales? Tap Stop Promotions"), new TemplateBodyDefinition("Hi {{1}}, our Fall Sale is on! Use promo code {{2}} Get an extra 25% off!", "Mark", "FALL25")],
        });

        AssertBody(Expected, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task DeleteAsync_ByNameAndByNameAndId_SendQueryParameters()
    {
        // OpenAPI DELETE /{WABA-ID}/message_templates: query name and hsm_id; response {"success":true}.
        var path = Path(BusinessAccountId + "/message_templates");
        await StubAsync(Admin, "DELETE", path, ResponseDefinition.Json(200, new JsonObject { ["success"] = true }), query: new() { ["name"] = StringValuePattern.IsEqualTo("order_confirmation") });

        await _context.Client.Templates.DeleteAsync("order_confirmation");
        await _context.Client.Templates.DeleteAsync("order_confirmation", "1689556908129832");

        var requests = await Admin.GetRequestsAsync();
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.Url == path + "?name=order_confirmation");
        Assert.Contains(requests, r => r.Url == path + "?name=order_confirmation&hsm_id=1689556908129832");
    }

    [Fact]
    public async Task ListAsync_ErrorOnSecondPage_SurfacesApiException()
    {
        var path = Path(BusinessAccountId + "/message_templates");
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""{"data":[{"id":"1","name":"a","status":"APPROVED"}],"paging":{"cursors":{"after":"X1"},"next":"https://graph.facebook.com/v23.0/x?after=X1"}}""")!), query: new() { ["after"] = StringValuePattern.IsAbsent() });
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(403, CloudApiStubs.GraphError(200, "OAuthException", "Permission denied", null, "", "Atrace2")), query: new() { ["after"] = StringValuePattern.IsEqualTo("X1") });

        var seen = 0;
        var ex = await Assert.ThrowsAnyAsync<WhatsAppApiException>(async () =>
        {
            await foreach (var page in _context.Client.Templates.ListAsync().AsPages())
            {
                seen += page.Items.Count;
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal(200, ex.ErrorCode);
    }
}
