using System.Text.Json.Nodes;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.IntegrationTests.Messages;

/// <summary>
/// Every message kind goes through a real <see cref="WhatsAppClient"/> to WireMock; the journal must show the documented
/// path, the bearer token and exactly the documented JSON body (field for field, nothing extra).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class SendMessageTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Recipient = "16505551234";

    private static readonly Dictionary<string, (Func<WhatsAppMessage> Create, string ExpectedJson)> Cases = new()
    {
        ["text"] = (
            () => new TextMessage(Recipient, "Your order has shipped: https://example.com/o/1") { PreviewUrl = true },
            """{"type":"text","text":{"preview_url":true,"body":"Your order has shipped: https://example.com/o/1"}}"""),
        ["text-reply"] = (
            () => new TextMessage(Recipient, "Thanks!") { ReplyToMessageId = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy" },
            """{"type":"text","context":{"message_id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy"},"text":{"body":"Thanks!"}}"""),
        ["template"] = (
            () => new TemplateMessage(Recipient, "order_update", "en_US")
            {
                Components =
                [
                    TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromLink("https://example.com/header.png"))),
                    TemplateComponent.Body(
                        TemplateParameter.Text("Ana"),
                        TemplateParameter.Currency("$10.99", "USD", 10990),
                        TemplateParameter.DateTime("May 1, 2025")),
                    TemplateComponent.QuickReplyButton(0, "TRACK"),
                    TemplateComponent.UrlButton(1, "o/123"),
                    TemplateComponent.CopyCodeButton(2, "SAVE10"),
                    TemplateComponent.FlowButton(3, "flow-token-7", new JsonObject { ["step"] = "one" }),
                ],
            },
            """
            {"type":"template","template":{"name":"order_update","language":{"code":"en_US"},"components":[
                {"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/header.png"}}]},
                {"type":"body","parameters":[
                    {"type":"text","text":"Ana"},
                    {"type":"currency","currency":{"fallback_value":"$10.99","code":"USD","amount_1000":10990}},
                    {"type":"date_time","date_time":{"fallback_value":"May 1, 2025"}}]},
                {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"TRACK"}]},
                {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"o/123"}]},
                {"type":"button","sub_type":"copy_code","index":"2","parameters":[{"type":"coupon_code","coupon_code":"SAVE10"}]},
                {"type":"button","sub_type":"flow","index":"3","parameters":[{"type":"action","action":{"flow_token":"flow-token-7","flow_action_data":{"step":"one"}}}]}]}}
            """),
        ["template-media-parameters"] = (
            () => new TemplateMessage(Recipient, "invoice", "pt_BR")
            {
                DeterministicLanguagePolicy = true,
                Components =
                [
                    TemplateComponent.Header(TemplateParameter.Document(MediaSource.FromId("1013859600285441"), "invoice.pdf")),
                    TemplateComponent.Body(TemplateParameter.Video(MediaSource.FromLink("https://example.com/clip.mp4"))),
                ],
            },
            """
            {"type":"template","template":{"name":"invoice","language":{"policy":"deterministic","code":"pt_BR"},"components":[
                {"type":"header","parameters":[{"type":"document","document":{"id":"1013859600285441","filename":"invoice.pdf"}}]},
                {"type":"body","parameters":[{"type":"video","video":{"link":"https://example.com/clip.mp4"}}]}]}}
            """),
        ["image-by-id"] = (
            () => new ImageMessage(Recipient, MediaSource.FromId("1479537139650973")) { Caption = "Your receipt" },
            """{"type":"image","image":{"id":"1479537139650973","caption":"Your receipt"}}"""),
        ["audio-by-link"] = (
            () => new AudioMessage(Recipient, MediaSource.FromLink("https://example.com/voice.ogg")),
            """{"type":"audio","audio":{"link":"https://example.com/voice.ogg"}}"""),
        ["video-by-link"] = (
            () => new VideoMessage(Recipient, MediaSource.FromLink("https://example.com/how-to.mp4")) { Caption = "How to" },
            """{"type":"video","video":{"link":"https://example.com/how-to.mp4","caption":"How to"}}"""),
        ["document-by-id"] = (
            () => new DocumentMessage(Recipient, MediaSource.FromId("1376223850470843")) { Caption = "Invoice", Filename = "invoice.pdf" },
            """{"type":"document","document":{"id":"1376223850470843","caption":"Invoice","filename":"invoice.pdf"}}"""),
        ["sticker-by-id"] = (
            () => new StickerMessage(Recipient, MediaSource.FromId("798882015472548")),
            """{"type":"sticker","sticker":{"id":"798882015472548"}}"""),
        ["location"] = (
            () => new LocationMessage(Recipient, 37.44216251868683, -122.16153582049394) { Name = "Philz Coffee", Address = "101 Forest Ave, Palo Alto, CA 94301" },
            """{"type":"location","location":{"latitude":37.44216251868683,"longitude":-122.16153582049394,"name":"Philz Coffee","address":"101 Forest Ave, Palo Alto, CA 94301"}}"""),
        ["contacts"] = (
            () => new ContactsMessage(Recipient,
            [
                new ContactCard(new ContactName("Ana Silva") { FirstName = "Ana", LastName = "Silva" })
                {
                    Phones = [new ContactPhone("+1 650 555 1234") { Type = "WORK", WaId = "16505551234" }],
                    Emails = [new ContactEmail("ana@example.com") { Type = "WORK" }],
                    Addresses = [new ContactAddress { Street = "1 Hacker Way", City = "Menlo Park", State = "CA", Zip = "94025", Country = "United States", CountryCode = "US", Type = "WORK" }],
                    Urls = [new ContactUrl("https://example.com") { Type = "WORK" }],
                    Organization = new ContactOrganization { Company = "Example Inc.", Department = "Support", Title = "Agent" },
                    Birthday = new DateOnly(1990, 5, 1),
                },
            ]),
            """
            {"type":"contacts","contacts":[{
                "name":{"formatted_name":"Ana Silva","first_name":"Ana","last_name":"Silva"},
                "phones":[{"phone":"+1 650 555 1234","type":"WORK","wa_id":"16505551234"}],
                "emails":[{"email":"ana@example.com","type":"WORK"}],
                "addresses":[{"street":"1 Hacker Way","city":"Menlo Park","state":"CA","zip":"94025","country":"United States","country_code":"US","type":"WORK"}],
                "urls":[{"url":"https://example.com","type":"WORK"}],
                "org":{"company":"Example Inc.","department":"Support","title":"Agent"},
                "birthday":"1990-05-01"}]}
            """),
        ["interactive-buttons"] = (
            () => new InteractiveButtonsMessage(Recipient, "Did your order arrive?", [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")])
            {
                Header = InteractiveHeader.FromText("Order 123"),
                Footer = "Reply below",
            },
            """
            {"type":"interactive","interactive":{"type":"button",
                "header":{"type":"text","text":"Order 123"},"body":{"text":"Did your order arrive?"},"footer":{"text":"Reply below"},
                "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}}}
            """),
        ["interactive-list"] = (
            () => new InteractiveListMessage(Recipient, "Pick a delivery slot", "Slots",
            [
                new ListSection("Morning", [new ListRow("m1", "9:00") { Description = "Early bird" }]),
                new ListSection("Afternoon", [new ListRow("a1", "14:00")]),
            ]),
            """
            {"type":"interactive","interactive":{"type":"list","body":{"text":"Pick a delivery slot"},
                "action":{"button":"Slots","sections":[
                    {"title":"Morning","rows":[{"id":"m1","title":"9:00","description":"Early bird"}]},
                    {"title":"Afternoon","rows":[{"id":"a1","title":"14:00"}]}]}}}
            """),
        ["interactive-cta-url"] = (
            () => new InteractiveCtaUrlMessage(Recipient, "See your order", "Open", new Uri("https://example.com/o/123"))
            {
                Header = InteractiveHeader.FromImage(MediaSource.FromLink("https://example.com/header.png")),
            },
            """
            {"type":"interactive","interactive":{"type":"cta_url",
                "header":{"type":"image","image":{"link":"https://example.com/header.png"}},"body":{"text":"See your order"},
                "action":{"name":"cta_url","parameters":{"display_text":"Open","url":"https://example.com/o/123"}}}}
            """),
        ["interactive-flow"] = (
            () => new InteractiveFlowMessage(Recipient, "Book your appointment", "Book now")
            {
                FlowId = "1234567890",
                FlowToken = "flow-token-1",
                Action = FlowAction.Navigate,
                Screen = "WELCOME",
                Data = new JsonObject { ["customer"] = "ana" },
            },
            """
            {"type":"interactive","interactive":{"type":"flow","body":{"text":"Book your appointment"},
                "action":{"name":"flow","parameters":{"flow_message_version":"3","flow_token":"flow-token-1","flow_id":"1234567890",
                    "flow_cta":"Book now","flow_action":"navigate","flow_action_payload":{"screen":"WELCOME","data":{"customer":"ana"}}}}}}
            """),
        ["reaction"] = (
            () => new ReactionMessage(Recipient, "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy", "\U0001F44D"),
            """{"type":"reaction","reaction":{"message_id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy","emoji":"\uD83D\uDC4D"}}"""),
    };

    private readonly MessagesTestContext _context = new(fixture);

    public static TheoryData<string> Kinds => new(Cases.Keys);

    public void Dispose() => _context.Dispose();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SendAsync_MessageKind_SendsDocumentedRequestAndParsesResult(string kind)
    {
        var (create, expectedJson) = Cases[kind];
        var path = MessagesTestContext.MessagesPath();
        await Admin.StubAsync(RequestPattern.For("POST", path), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(Recipient, Recipient, "wamid.sent-" + kind)));

        var result = await _context.Client.Messages.SendAsync(create());

        Assert.Equal("wamid.sent-" + kind, result.MessageId);
        Assert.Equal(Recipient, result.WaId);
        Assert.Equal(Recipient, result.Input);
        Assert.Equal(MessageStatus.Accepted, result.Status);

        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("POST", sent.Method);
        Assert.Equal(path, sent.Url); // exact: no query string (no token in the URL)
        Assert.Equal("Bearer " + _context.Token, sent.Header("Authorization"));
        Assert.StartsWith("application/json", sent.Header("Content-Type"), StringComparison.Ordinal);
        AssertJsonEqual(WithEnvelope(expectedJson), sent.BodyAsJson());
    }

    [Fact]
    public async Task SendAsync_PhoneNumberIdOverride_PostsToThatNumber()
    {
        const string otherNumber = "209876543210987";
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath(otherNumber)), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(Recipient, Recipient, "wamid.other")));

        var result = await _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hi"), phoneNumberId: otherNumber);

        Assert.Equal("wamid.other", result.MessageId);
        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal($"/v23.0/{otherNumber}/messages", sent.Url);
        Assert.Equal("Bearer " + _context.Token, sent.Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_HeldForQualityAssessment_StatusSurfaces()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(Recipient, Recipient, "wamid.held", "held_for_quality_assessment")));

        var result = await _context.Client.Messages.SendAsync(new TextMessage(Recipient, "hi"));

        Assert.Equal(MessageStatus.HeldForQualityAssessment, result.Status);
    }

    [Fact]
    public async Task MarkAsReadAsync_WithTypingIndicator_SendsDocumentedBody()
    {
        var path = MessagesTestContext.MessagesPath();
        await Admin.StubAsync(RequestPattern.For("POST", path), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));

        await _context.Client.Messages.MarkAsReadAsync("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy", showTypingIndicator: true);

        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal(path, sent.Url);
        Assert.Equal("Bearer " + _context.Token, sent.Header("Authorization"));
        AssertJsonEqual(
            """{"messaging_product":"whatsapp","status":"read","message_id":"wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAy","typing_indicator":{"type":"text"}}""",
            sent.BodyAsJson());
    }

    [Fact]
    public async Task MarkAsReadAsync_WithoutTypingIndicator_OmitsIt()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));

        await _context.Client.Messages.MarkAsReadAsync("wamid.abc");

        AssertJsonEqual("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.abc"}""", Assert.Single(await Admin.GetRequestsAsync()).BodyAsJson());
    }

    /// <summary>Every send body starts with the documented envelope; the cases spell out the rest.</summary>
    private static JsonObject WithEnvelope(string payloadJson)
    {
        var result = new JsonObject { ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = Recipient };
        foreach (var (name, value) in JsonNode.Parse(payloadJson)!.AsObject())
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    private static void AssertJsonEqual(string expectedJson, JsonNode actual) => AssertJsonEqual(JsonNode.Parse(expectedJson)!, actual);

    private static void AssertJsonEqual(JsonNode expected, JsonNode actual)
    {
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected JSON:{Environment.NewLine}{expected.ToJsonString()}{Environment.NewLine}Actual JSON:{Environment.NewLine}{actual.ToJsonString()}");
    }
}
