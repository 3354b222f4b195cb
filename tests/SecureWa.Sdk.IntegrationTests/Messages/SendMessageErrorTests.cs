using System.Net;
using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.IntegrationTests.Messages;

/// <summary>
/// Graph error bodies, malformed and empty answers from WireMock surface as the SDK's typed exceptions, with no token
/// and no raw body in the message; invalid messages never leave the process.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class SendMessageErrorTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Recipient = "16505551234";

    private readonly MessagesTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    public static TheoryData<int, int, string, int?, Type, WhatsAppErrorCategory> GraphErrors => new()
    {
        { 401, 190, "OAuthException", 463, typeof(WhatsAppAuthenticationException), WhatsAppErrorCategory.Authentication },
        { 400, 100, "OAuthException", 2494010, typeof(WhatsAppApiException), WhatsAppErrorCategory.InvalidRequest },
        { 400, 131047, "OAuthException", null, typeof(WhatsAppApiException), WhatsAppErrorCategory.OutsideCustomerServiceWindow },
        { 429, 130429, "OAuthException", null, typeof(WhatsAppThrottlingException), WhatsAppErrorCategory.Throttling },
    };

    [Theory]
    [MemberData(nameof(GraphErrors))]
    public async Task SendAsync_GraphErrorBody_ThrowsTypedExceptionWithDetailsAndNoSecrets(int status, int code, string type, int? subcode, Type exceptionType, WhatsAppErrorCategory category)
    {
        var fbTraceId = "AbC" + code + "xYz";
        var details = $"Details for error {code}";
        var body = MessagesTestContext.GraphError(code, type, $"Graph says {code}", subcode, details, fbTraceId);
        var rawBody = body.ToJsonString();

        // One stub, no scenario: every attempt gets the error, so this holds whether or not the pipeline retries.
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Text(status, rawBody));

        var exception = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello")));

        Assert.IsType(exceptionType, exception);
        Assert.Equal(category, exception.Category);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(subcode, exception.ErrorSubcode);
        Assert.Equal(type, exception.ErrorType);
        Assert.Equal(fbTraceId, exception.FbTraceId);
        Assert.Equal(details, exception.Details);
        Assert.DoesNotContain(_context.Token, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_context.Token, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rawBody, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Recipient, exception.Message, StringComparison.Ordinal);

        var sent = await Admin.FindRequestsAsync("POST", MessagesTestContext.MessagesPath());
        Assert.NotEmpty(sent);
        Assert.All(sent, r => Assert.Equal("Bearer " + _context.Token, r.Header("Authorization")));
    }

    [Fact]
    public async Task SendAsync_MalformedJsonSuccessBody_ThrowsDeliveryUnknownWithoutBody()
    {
        const string malformed = """{"messaging_product":"whatsapp","messages":[{"id":"wamid.SECRET-ish""";
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Text(200, malformed));

        var exception = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello")));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.DoesNotContain("wamid.SECRET-ish", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_context.Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EmptySuccessBody_ThrowsDeliveryUnknown()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Empty(200, new Dictionary<string, string> { ["Content-Type"] = "application/json" }));

        var exception = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello")));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("empty", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_SuccessWithoutMessageId_ThrowsDeliveryUnknown()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Json(200, new JsonObject { ["messaging_product"] = "whatsapp" }));

        await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello")));
    }

    [Fact]
    public async Task SendAsync_NonJsonErrorBody_StillMapsStatus()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Text(403, "<html>Forbidden by proxy</html>", "text/html"));

        var exception = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello")));

        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Null(exception.ErrorCode);
        Assert.DoesNotContain("Forbidden by proxy", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidMessages => new(InvalidCases.Keys);

    private static readonly Dictionary<string, Func<WhatsAppMessage>> InvalidCases = new()
    {
        ["text-too-long"] = () => new TextMessage(Recipient, new string('a', 4097)),
        ["http-link"] = () => new ImageMessage(Recipient, MediaSource.FromLink(new Uri("http://example.com/a.png"))),
        ["four-buttons"] = () => new InteractiveButtonsMessage(Recipient, "Pick", [new ReplyButton("1", "a"), new ReplyButton("2", "b"), new ReplyButton("3", "c"), new ReplyButton("4", "d")]),
        ["bad-recipient"] = () => new TextMessage("not-a-number", "hello"),
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task SendAsync_InvalidMessage_ThrowsValidationAndNothingReachesWireMock(string kind)
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(Recipient, Recipient, "wamid.never")));

        // Some invalid inputs are rejected by the message's own constructor, others by SendAsync; both before any I/O.
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.Messages.SendAsync(InvalidCases[kind]()));

        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task SendAsync_PhoneNumberIdWithPathCharacters_ThrowsValidationAndNothingIsSent()
    {
        await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hello"), phoneNumberId: "../__admin/reset"));

        Assert.Empty(await Admin.GetRequestsAsync());
    }
}
