using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages;
using static SecureWa.Sdk.Tests.Messages.MessageJson;

namespace SecureWa.Sdk.Tests.Messages;

public sealed class MessagesClientTests : IDisposable
{
    private const string PhoneNumberId = "106540352242922";
    private const string To = "+16505551234";

    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_Text_PostsDocumentedJsonToVersionedPath()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await client.Messages.SendAsync(new TextMessage("+1 (650) 555-1234", "Your order has shipped.") { PreviewUrl = true });

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://graph.facebook.com/v23.0/106540352242922/messages", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.ContentType);
        AssertJsonEquals(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text",
             "text":{"preview_url":true,"body":"Your order has shipped."}}
            """,
            JsonNode.Parse(request.Body!));
        Assert.Equal(WhatsAppOperationKind.SendMessage, request.Operation);
        Assert.Equal(PhoneNumberId, request.PhoneNumberId);
        Assert.Equal("16505551234", request.Recipient);
    }

    [Fact]
    public async Task SendAsync_Template_PostsTemplateBody()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await client.Messages.SendAsync(new TemplateMessage(To, "hello_world", "en_US"));

        AssertJsonEquals(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"hello_world","language":{"code":"en_US"}}}
            """,
            JsonNode.Parse(Assert.Single(stub.Requests).Body!));
    }

    [Fact]
    public async Task SendAsync_PhoneNumberIdArgument_OverridesDefault()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await client.Messages.SendAsync(new TextMessage(To, "hi"), phoneNumberId: "999888777");

        var request = Assert.Single(stub.Requests);
        Assert.Equal("/v23.0/999888777/messages", request.Uri.AbsolutePath);
        Assert.Equal("999888777", request.PhoneNumberId);
    }

    [Fact]
    public async Task SendAsync_CustomBaseAddressAndVersion_AreUsed()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub, new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId, BaseAddress = new Uri("https://127.0.0.1:8443/"), ApiVersion = "v24.0" });

        await client.Messages.SendAsync(new TextMessage(To, "hi"));

        Assert.Equal("https://127.0.0.1:8443/v24.0/106540352242922/messages", Assert.Single(stub.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_NoPhoneNumberIdAnywhere_ThrowsValidationWithoutSending()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub, new WhatsAppClientOptions());

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(new TextMessage(To, "hi")));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_PhoneNumberIdWithPathCharacters_ThrowsValidationWithoutSending()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(new TextMessage(To, "hi"), phoneNumberId: "../me"));

        Assert.Empty(stub.Requests);
    }

    public static TheoryData<string> InvalidMessages => new(InvalidMessageCases.Keys);

    private static readonly Dictionary<string, WhatsAppMessage> InvalidMessageCases = new()
    {
        ["text too long"] = new TextMessage(To, new string('x', 4097)),
        ["bad recipient"] = new TextMessage("not-a-number", "hi"),
        ["http link"] = new ImageMessage(To, MediaSource.FromLink("http://cdn.example.com/a.jpg")),
        ["four buttons"] = new InteractiveButtonsMessage(To, "b", [new ReplyButton("1", "1"), new ReplyButton("2", "2"), new ReplyButton("3", "3"), new ReplyButton("4", "4")]),
        ["eleven rows"] = new InteractiveListMessage(To, "b", "open", [new ListSection(null, Enumerable.Range(0, 11).Select(i => new ListRow($"r{i}", "R")))]),
        ["template name"] = new TemplateMessage(To, "Bad Name", "en"),
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task SendAsync_InvalidMessage_NeverReachesTheHandler(string caseName)
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(InvalidMessageCases[caseName]));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_NullMessage_ThrowsArgumentNull()
    {
        var client = CreateClient(StubGraphHandler.Sent());
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Messages.SendAsync(null!));
    }

    [Fact]
    public async Task SendAsync_DocumentedResponse_MapsResult()
    {
        var client = CreateClient(StubGraphHandler.Sent("wamid.ABC", "accepted"));

        var result = await client.Messages.SendAsync(new TextMessage(To, "hi"));

        Assert.Equal("wamid.ABC", result.MessageId);
        Assert.Equal("16505551234", result.WaId);
        Assert.Equal("+16505551234", result.Input);
        Assert.Equal(MessageStatus.Accepted, result.Status);
    }

    [Theory]
    [InlineData("held_for_quality_assessment")]
    [InlineData("paused")]
    [InlineData("accepted")]
    [InlineData("some_future_status")]
    public async Task SendAsync_MessageStatus_IsKeptAsReturned(string status)
    {
        var client = CreateClient(StubGraphHandler.Sent(status: status));

        var result = await client.Messages.SendAsync(new TextMessage(To, "hi"));

        Assert.Equal(status, result.Status?.ToString());
        Assert.Equal(status == "paused", result.Status == MessageStatus.Paused);
        Assert.Equal(status == "held_for_quality_assessment", result.Status == MessageStatus.HeldForQualityAssessment);
    }

    [Fact]
    public async Task SendAsync_ResponseWithoutStatusOrContacts_HasNullStatusAndWaId()
    {
        var client = CreateClient(new StubGraphHandler(HttpStatusCode.OK, """{"messages":[{"id":"wamid.Q"}]}"""));

        var result = await client.Messages.SendAsync(new TextMessage(To, "hi"));

        Assert.Equal("wamid.Q", result.MessageId);
        Assert.Null(result.Status);
        Assert.Null(result.WaId);
        Assert.Null(result.Input);
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp"}""")]
    [InlineData("""{"messaging_product":"whatsapp","messages":[]}""")]
    [InlineData("""{"messages":[{"id":""}]}""")]
    [InlineData("""{"messages":[{"message_status":"accepted"}]}""")]
    [InlineData("{}")]
    public async Task SendAsync_SuccessWithoutMessageId_ThrowsDeliveryUnknown(string body)
    {
        // Meta answered 2xx: it may well have accepted the message, so the caller must not resend it blindly.
        var client = CreateClient(new StubGraphHandler(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => client.Messages.SendAsync(new TextMessage(To, "hi")));

        Assert.Contains("messages[0].id", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WhatsAppRequestState.Unknown, ex.RequestState);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("{\"messages\":[{\"id\":")]
    [InlineData("null")]
    [InlineData("""{"messages":{"id":"wamid.1"}}""")]
    public async Task SendAsync_EmptyOrMalformedSuccessBody_ThrowsDeliveryUnknown(string? body)
    {
        var client = CreateClient(new StubGraphHandler(HttpStatusCode.OK, body));

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => client.Messages.SendAsync(new TextMessage(To, "hi")));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(WhatsAppRequestState.Unknown, ex.RequestState);

        // The raw body never reaches the message ("null" is too short to tell apart from prose).
        if (body is { Length: > 4 })
        {
            Assert.DoesNotContain(body, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SendAsync_GraphError_ThrowsApiExceptionWithCategory()
    {
        var stub = new StubGraphHandler(HttpStatusCode.BadRequest, """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
             "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed"},
             "fbtrace_id":"AbCdEf"}}
            """);
        var client = CreateClient(stub);

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Messages.SendAsync(new TextMessage(To, "hi")));

        Assert.Equal(WhatsAppErrorCategory.OutsideCustomerServiceWindow, ex.Category);
        Assert.Equal(131047, ex.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var client = CreateClient(StubGraphHandler.Sent());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Messages.SendAsync(new TextMessage(To, "hi"), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task SendAsync_Accepted_CountsMessageTaggedByType()
    {
        var counted = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SecureWaDiagnostics.MeterName && instrument.Name == "securewa.messages.sent")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "type" && tag.Value is "interactive/cta_url")
                {
                    lock (counted)
                    {
                        counted.Add(tag.Value as string);
                    }
                }
            }
        });
        listener.Start();
        var client = CreateClient(StubGraphHandler.Sent());

        await client.Messages.SendAsync(new InteractiveCtaUrlMessage(To, "b", "Go", new Uri("https://example.com")));

        Assert.Single(counted);
    }

    [Fact]
    public async Task SendAsync_Logs_MaskRecipientAndOmitBody()
    {
        var provider = new CapturingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        _disposables.Add(loggerFactory);
        var client = CreateClient(StubGraphHandler.Sent(), loggerFactory: loggerFactory);

        await client.Messages.SendAsync(new TextMessage(To, "secret order details"));

        Assert.Contains(provider.Lines, line => line.Contains("+*******1234", StringComparison.Ordinal));
        Assert.DoesNotContain(provider.Lines, line => line.Contains("6505551234", StringComparison.Ordinal));
        Assert.DoesNotContain(provider.Lines, line => line.Contains("secret order details", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkAsReadAsync_WithTypingIndicator_PostsDocumentedBody()
    {
        var stub = new StubGraphHandler(HttpStatusCode.OK, """{"success":true}""");
        var client = CreateClient(stub);

        await client.Messages.MarkAsReadAsync("wamid.IN1", showTypingIndicator: true);

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v23.0/106540352242922/messages", request.Uri.AbsolutePath);
        Assert.Equal(WhatsAppOperationKind.MarkAsRead, request.Operation);
        AssertJsonEquals(
            """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1","typing_indicator":{"type":"text"}}""",
            JsonNode.Parse(request.Body!));
    }

    [Fact]
    public async Task MarkAsReadAsync_WithoutTypingIndicator_OmitsIt()
    {
        var stub = new StubGraphHandler(HttpStatusCode.OK, """{"success":true}""");
        var client = CreateClient(stub);

        await client.Messages.MarkAsReadAsync("wamid.IN1", phoneNumberId: "555");

        var request = Assert.Single(stub.Requests);
        Assert.Equal("/v23.0/555/messages", request.Uri.AbsolutePath);
        AssertJsonEquals("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1"}""", JsonNode.Parse(request.Body!));
    }

    [Theory]
    [InlineData("""{"success":false}""")]
    [InlineData("{}")]
    public async Task MarkAsReadAsync_SuccessNotTrue_ThrowsUnexpectedResponse(string body)
    {
        var client = CreateClient(new StubGraphHandler(HttpStatusCode.OK, body));

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => client.Messages.MarkAsReadAsync("wamid.IN1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task MarkAsReadAsync_NoMessageId_ThrowsValidationWithoutSending(string? messageId)
    {
        var stub = new StubGraphHandler(HttpStatusCode.OK, """{"success":true}""");
        var client = CreateClient(stub);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.MarkAsReadAsync(messageId!));

        Assert.Equal("message_id", ex.Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void SendMessageResult_ToString_MasksRecipient()
    {
        var text = new SendMessageResult("wamid.A", "16505551234", "+16505551234", MessageStatus.Accepted).ToString();

        Assert.DoesNotContain("6505551234", text, StringComparison.Ordinal);
        Assert.Contains("*******1234", text, StringComparison.Ordinal);
        Assert.Contains("wamid.A", text, StringComparison.Ordinal);
        Assert.Contains("accepted", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatsAppMessage_ToString_MasksRecipientAndOmitsContent()
    {
        var text = new TextMessage(To, "private body") { ReplyToMessageId = "wamid.R" }.ToString();

        Assert.Equal("TextMessage to +*******1234 (reply)", text);
    }

    [Fact]
    public async Task MockedClient_CanBeSubstituted()
    {
        var mock = new FakeMessagesClient();
        var result = await mock.SendAsync(new TextMessage(To, "hi"));
        Assert.Equal("wamid.FAKE", result.MessageId);
    }

    private WhatsAppClient CreateClient(StubGraphHandler stub, WhatsAppClientOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var httpClient = new HttpClient(stub);
        _disposables.Add(httpClient);
        var client = new WhatsAppClient(httpClient, options ?? new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId }, loggerFactory ?? NullLoggerFactory.Instance);
        _disposables.Add(client);
        return client;
    }

    private sealed class FakeMessagesClient : MessagesClient
    {
        public override Task<SendMessageResult> SendAsync(WhatsAppMessage message, string? phoneNumberId = null, CancellationToken cancellationToken = default)
            => Task.FromResult(new SendMessageResult("wamid.FAKE", null, null, MessageStatus.Accepted));
    }
}
