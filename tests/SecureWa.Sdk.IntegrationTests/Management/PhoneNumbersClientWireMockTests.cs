using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.PhoneNumbers;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// Phone numbers through the real pipeline against WireMock. Stubbed bodies are the examples of Meta's OpenAPI
/// description (facebook/openapi business-messaging-api_v23.0.yaml: /{WABA-ID}/phone_numbers, /{Phone-Number-ID},
/// /register, /deregister, /request_code, /verify_code); the two-step PIN body is Meta's two-step verification guide
/// (<c>POST /{phone-number-id}</c> with <c>{"pin":"…"}</c>, answer <c>{"success":true}</c>).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class PhoneNumbersClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Pin = "418263";
    private const string Code = "907135";
    private static readonly JsonObject Success = new() { ["success"] = true };

    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory? _loggerFactory;
    private ManagementTestContext? _context;

    private ManagementTestContext Context => _context ??= new ManagementTestContext(WireMock, _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace)));

    public void Dispose()
    {
        _context?.Dispose();
        _loggerFactory?.Dispose();
    }

    [Fact]
    public async Task ListAsync_TwoPages_MapsDocumentedFields()
    {
        // OpenAPI GET /{WABA-ID}/phone_numbers "multiple_phone_numbers", split over two pages.
        var path = Path(BusinessAccountId + "/phone_numbers");
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"id":"1906385232743451","display_phone_number":"+1 631-555-5555","verified_name":"Jasper's Market","status":"LINKED","quality_rating":"GREEN","country_code":"US","country_dial_code":"1","code_verification_status":"VERIFIED","unified_cert_status":"APPROVED","account_mode":"LIVE","host_platform":"CLOUD_API","messaging_limit_tier":"TIER_1K","is_official_business_account":true,"username":"jaspers_market"}],
             "paging":{"cursors":{"after":"MTAxNTExOTQ1MjAwNzI5NDE="},"next":"https://graph.facebook.com/v23.0/102290129340398/phone_numbers?after=MTAxNTExOTQ1MjAwNzI5NDE%3D"}}
            """)!), query: new() { ["after"] = StringValuePattern.IsAbsent(), ["fields"] = StringValuePattern.Containing("messaging_limit_tier") });
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"id":"1913623884432103","display_phone_number":"+1 631-555-5556","verified_name":"Jasper's Ice Cream","status":"PENDING","quality_rating":"UNKNOWN","code_verification_status":"NOT_VERIFIED","account_mode":"SANDBOX","messaging_limit_tier":"TIER_50","is_official_business_account":false,"username":null}]}
            """)!), query: new() { ["after"] = StringValuePattern.IsEqualTo("MTAxNTExOTQ1MjAwNzI5NDE=") });

        var numbers = new List<BusinessPhoneNumber>();
        await foreach (var number in Context.Client.PhoneNumbers.ListAsync(new WhatsAppListOptions { PageSize = 1 }))
        {
            numbers.Add(number);
        }

        Assert.Equal(["1906385232743451", "1913623884432103"], numbers.Select(n => n.Id));
        Assert.Equal("GREEN", numbers[0].QualityRating);
        Assert.Equal("TIER_1K", numbers[0].MessagingLimitTier);
        Assert.Equal("VERIFIED", numbers[0].CodeVerificationStatus);
        Assert.True(numbers[0].IsOfficialBusinessAccount);
        Assert.Equal("TIER_50", numbers[1].MessagingLimitTier);
        Assert.Empty(await Admin.GetUnmatchedRequestsAsync());
    }

    [Fact]
    public async Task GetAsync_ComprehensiveResponse_MapsStatuses()
    {
        // OpenAPI GET /{Phone-Number-ID} "comprehensive_response", plus throughput as the Graph reference documents it.
        await StubAsync(Admin, "GET", Path(PhoneNumberId), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"id":"106853218861309","display_phone_number":"+1 555-555-5555","verified_name":"Jaspers Market","quality_rating":"GREEN","name_status":"APPROVED","code_verification_status":"VERIFIED","throughput":{"level":"STANDARD"}}
            """)!), query: new() { ["fields"] = StringValuePattern.Matching(".*name_status.*") });

        var number = await Context.Client.PhoneNumbers.GetAsync();

        Assert.Equal("106853218861309", number.Id);
        Assert.Equal("+1 555-555-5555", number.DisplayPhoneNumber);
        Assert.Equal("Jaspers Market", number.VerifiedName);
        Assert.Equal("APPROVED", number.NameStatus);
        Assert.Equal("STANDARD", number.ThroughputLevel);
    }

    [Fact]
    public async Task RegisterAsync_SendsPinInBodyOnly()
    {
        // OpenAPI POST /{Phone-Number-ID}/register "basic_registration" → "successful_registration".
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/register"), ResponseDefinition.Json(200, Success), JsonNode.Parse($$"""{"messaging_product":"whatsapp","pin":"{{Pin}}"}"""));

        await Context.Client.PhoneNumbers.RegisterAsync(Pin);

        Assert.DoesNotContain(Pin, Assert.Single(await Admin.GetRequestsAsync()).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_TransientServerError_IsRetriedBecauseRegisteringIsIdempotent()
    {
        await Admin.StubAsync(new StubMapping
        {
            Request = RequestPattern.For("POST", Path(PhoneNumberId + "/register")),
            Response = ResponseDefinition.Json(500, CloudApiStubs.GraphError(2, "OAuthException", "Service temporarily unavailable", null, "", "Atrace")),
            ScenarioName = "register",
            RequiredScenarioState = StubMapping.ScenarioStarted,
            NewScenarioState = "second",
        });
        await Admin.StubAsync(new StubMapping
        {
            Request = RequestPattern.For("POST", Path(PhoneNumberId + "/register")),
            Response = ResponseDefinition.Json(200, Success),
            ScenarioName = "register",
            RequiredScenarioState = "second",
        });

        await Context.Client.PhoneNumbers.RegisterAsync(Pin);

        Assert.Equal(2, (await Admin.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task DeregisterAsync_PerCallPhoneNumberId_PostsWithoutBody()
    {
        // OpenAPI POST /{Phone-Number-ID}/deregister → "successful_deregistration".
        await StubAsync(Admin, "POST", Path("106540352242999/deregister"), ResponseDefinition.Json(200, Success));

        await Context.Client.PhoneNumbers.DeregisterAsync("106540352242999");

        var request = Assert.Single(await Admin.GetRequestsAsync());
        Assert.True(string.IsNullOrEmpty(request.Body));
    }

    [Fact]
    public async Task RequestCodeAsync_Sms_SendsDocumentedBody()
    {
        // OpenAPI POST /{Phone-Number-ID}/request_code "sms_verification" → "success_response".
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/request_code"), ResponseDefinition.Json(200, Success), JsonNode.Parse("""{"code_method":"SMS","language":"en_US"}"""));

        await Context.Client.PhoneNumbers.RequestCodeAsync(VerificationCodeMethod.Sms, "en_US");

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task RequestCodeAsync_ServerError_IsNotRepeated()
    {
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/request_code"), ResponseDefinition.Json(500, CloudApiStubs.GraphError(1, "OAuthException", "An unknown error occurred", null, "", "Atrace")));

        await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => Context.Client.PhoneNumbers.RequestCodeAsync(VerificationCodeMethod.Voice, "es_ES"));

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task VerifyCodeAsync_SendsCodeInBody()
    {
        // OpenAPI POST /{Phone-Number-ID}/verify_code "verify_code" → "successful_verification" {"success":true,"id":…}.
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/verify_code"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true, ["id"] = "1234567890123456" }), JsonNode.Parse($$"""{"code":"{{Code}}"}"""));

        await Context.Client.PhoneNumbers.VerifyCodeAsync(Code);

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task SetTwoStepVerificationPinAsync_PostsPinToPhoneNumberNode()
    {
        // Meta two-step verification guide: POST /{phone-number-id} {"pin":"…"} → {"success":true}; the OpenAPI lists it as "two_step_verification_set".
        await StubAsync(Admin, "POST", Path(PhoneNumberId), ResponseDefinition.Json(200, Success), JsonNode.Parse($$"""{"pin":"{{Pin}}"}"""));

        await Context.Client.PhoneNumbers.SetTwoStepVerificationPinAsync(Pin);

        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Secrets_NeverReachLogsExceptionsOrUrls()
    {
        // A wrong PIN (Graph 136025 is Meta's "two-step verification PIN mismatch" family) and a wrong code, through the whole pipeline.
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/register"), ResponseDefinition.Json(400, CloudApiStubs.GraphError(136025, "OAuthException", "Two-step verification PIN mismatch", 2388004, "The PIN does not match.", "Apin")));
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/verify_code"), ResponseDefinition.Json(400, CloudApiStubs.GraphError(136024, "OAuthException", "Verification code mismatch", null, "The code does not match.", "Acode")));
        await StubAsync(Admin, "POST", Path(PhoneNumberId), ResponseDefinition.Json(500, CloudApiStubs.GraphError(2, "OAuthException", "Service unavailable", null, "", "Aset")));

        var texts = new List<string>
        {
            (await Assert.ThrowsAnyAsync<WhatsAppException>(() => Context.Client.PhoneNumbers.RegisterAsync(Pin))).ToString(),
            (await Assert.ThrowsAnyAsync<WhatsAppException>(() => Context.Client.PhoneNumbers.VerifyCodeAsync(Code))).ToString(),
            (await Assert.ThrowsAnyAsync<WhatsAppException>(() => Context.Client.PhoneNumbers.SetTwoStepVerificationPinAsync(Pin))).ToString(),
            (await Assert.ThrowsAsync<WhatsAppValidationException>(() => Context.Client.PhoneNumbers.RegisterAsync(Pin + "9"))).ToString(),
        };
        texts.AddRange(_logs.Entries.Select(e => e.Text));
        texts.AddRange((await Admin.GetRequestsAsync()).Select(r => r.AbsoluteUrl));

        Assert.NotEmpty(_logs.Entries);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Pin, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
        }
    }
}
