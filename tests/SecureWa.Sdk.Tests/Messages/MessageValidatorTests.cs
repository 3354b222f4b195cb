using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>Every documented limit accepts the limit itself and rejects one past it, naming the JSON path.</summary>
public class MessageValidatorTests
{
    private const string To = "+16505551234";

    private static readonly Dictionary<string, (int Limit, string Path, Func<string, WhatsAppMessage> Build)> LengthCases = new()
    {
        ["text.body"] = (4096, "text.body", v => new TextMessage(To, v)),
        ["image.caption"] = (1024, "image.caption", v => new ImageMessage(To, MediaSource.FromId("1")) { Caption = v }),
        ["video.caption"] = (1024, "video.caption", v => new VideoMessage(To, MediaSource.FromId("1")) { Caption = v }),
        ["document.caption"] = (1024, "document.caption", v => new DocumentMessage(To, MediaSource.FromId("1")) { Caption = v }),
        ["interactive.body"] = (1024, "interactive.body.text", v => Buttons(body: v)),
        ["interactive.footer"] = (60, "interactive.footer.text", v => new InteractiveButtonsMessage(To, "Pick one", [new ReplyButton("a", "A")]) { Footer = v }),
        ["interactive.header"] = (60, "interactive.header.text", v => new InteractiveButtonsMessage(To, "Pick one", [new ReplyButton("a", "A")]) { Header = InteractiveHeader.FromText(v) }),
        ["button.title"] = (20, "interactive.action.buttons[1].reply.title", v => new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", "A"), new ReplyButton("b", v)])),
        ["button.id"] = (256, "interactive.action.buttons[1].reply.id", v => new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", "A"), new ReplyButton(v, "B")])),
        ["list.button"] = (20, "interactive.action.button", v => new InteractiveListMessage(To, "b", v, [new ListSection(null, [new ListRow("r", "R")])])),
        ["list.section.title"] = (24, "interactive.action.sections[1].title", v => new InteractiveListMessage(To, "b", "open", [new ListSection("s", [new ListRow("r0", "R")]), new ListSection(v, [new ListRow("r1", "R")])])),
        ["list.row.title"] = (24, "interactive.action.sections[0].rows[1].title", v => new InteractiveListMessage(To, "b", "open", [new ListSection(null, [new ListRow("r0", "R"), new ListRow("r1", v)])])),
        ["list.row.id"] = (200, "interactive.action.sections[0].rows[1].id", v => new InteractiveListMessage(To, "b", "open", [new ListSection(null, [new ListRow("r0", "R"), new ListRow(v, "R")])])),
        ["list.row.description"] = (72, "interactive.action.sections[0].rows[0].description", v => new InteractiveListMessage(To, "b", "open", [new ListSection(null, [new ListRow("r0", "R") { Description = v }])])),
        ["cta.display_text"] = (20, "interactive.action.parameters.display_text", v => new InteractiveCtaUrlMessage(To, "b", v, new Uri("https://example.com"))),
        ["flow.flow_cta"] = (30, "interactive.action.parameters.flow_cta", v => new InteractiveFlowMessage(To, "b", v) { FlowId = "1" }),
        ["template.name"] = (512, "template.name", v => new TemplateMessage(To, v, "en_US")),
        ["template.header.text"] = (60, "template.components[0].parameters[0].text", v => new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Header(TemplateParameter.Text(v))] }),
        ["template.coupon_code"] = (15, "template.components[0].parameters[0].coupon_code", v => new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.CopyCodeButton(0, v)] }),
    };

    public static TheoryData<string> LengthCaseNames => new(LengthCases.Keys);

    [Theory]
    [MemberData(nameof(LengthCaseNames))]
    public void Validate_AtLengthLimit_Accepts(string caseName)
    {
        var (limit, _, build) = LengthCases[caseName];
        MessageValidator.Validate(build(new string('a', limit)));
    }

    [Theory]
    [MemberData(nameof(LengthCaseNames))]
    public void Validate_OnePastLengthLimit_ThrowsNamingPathAndLimit(string caseName)
    {
        var (limit, path, build) = LengthCases[caseName];
        var value = new string('a', limit + 1);
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(build(value)));
        Assert.Equal(path, ex.Field);
        Assert.Equal(limit, ex.Limit);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmojiCountsAsOneCharacter_AcceptsTwentyEmojiTitle()
    {
        var title = string.Concat(Enumerable.Repeat("😀", 20));
        Assert.Equal(40, title.Length);
        MessageValidator.Validate(new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", title)]));
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", title + "😀")])));
        Assert.Equal("interactive.action.buttons[0].reply.title", ex.Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Validate_ReplyButtonCountWithinOneToThree_Accepts(int count)
    {
        MessageValidator.Validate(new InteractiveButtonsMessage(To, "b", Enumerable.Range(0, count).Select(i => new ReplyButton($"id{i}", $"T{i}"))));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 3)]
    public void Validate_ReplyButtonCountOutsideOneToThree_Throws(int count, int limit)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveButtonsMessage(To, "b", Enumerable.Range(0, count).Select(i => new ReplyButton($"id{i}", $"T{i}")))));
        Assert.Equal("interactive.action.buttons", ex.Field);
        Assert.Equal(limit, ex.Limit);
    }

    [Fact]
    public void Validate_DuplicateReplyButtonIds_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveButtonsMessage(To, "b", [new ReplyButton("same", "A"), new ReplyButton("same", "B")])));
        Assert.Equal("interactive.action.buttons[1].reply.id", ex.Field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Validate_ListSectionCountWithinOneToTen_Accepts(int sections)
    {
        MessageValidator.Validate(List(Enumerable.Range(0, sections).Select(i => new ListSection($"S{i}", [new ListRow($"r{i}", "R")]))));
    }

    [Fact]
    public void Validate_ElevenSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List(Enumerable.Range(0, 11).Select(i => new ListSection($"S{i}", [new ListRow($"r{i}", "R")])))));
        Assert.Equal("interactive.action.sections", ex.Field);
        Assert.Equal(10, ex.Limit);
    }

    [Fact]
    public void Validate_NoSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List([])));
        Assert.Equal("interactive.action.sections", ex.Field);
    }

    [Fact]
    public void Validate_TenRowsAcrossSections_Accepts()
    {
        MessageValidator.Validate(List([Section("A", 0, 6), Section("B", 6, 4)]));
    }

    [Fact]
    public void Validate_ElevenRowsAcrossSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List([Section("A", 0, 6), Section("B", 6, 5)])));
        Assert.Equal("interactive.action.sections", ex.Field);
        Assert.Equal(10, ex.Limit);
    }

    [Fact]
    public void Validate_SectionWithoutRows_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List([new ListSection(null, [])])));
        Assert.Equal("interactive.action.sections[0].rows", ex.Field);
    }

    [Fact]
    public void Validate_SectionTitleMissingWithSeveralSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List([Section("A", 0, 1), new ListSection(null, [new ListRow("x", "X")])])));
        Assert.Equal("interactive.action.sections[1].title", ex.Field);
    }

    [Fact]
    public void Validate_DuplicateRowIdsAcrossSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(List([new ListSection("A", [new ListRow("x", "X")]), new ListSection("B", [new ListRow("x", "Y")])])));
        Assert.Equal("interactive.action.sections[1].rows[0].id", ex.Field);
    }

    [Fact]
    public void Validate_ListWithMediaHeader_Throws()
    {
        var message = new InteractiveListMessage(To, "b", "open", [Section("A", 0, 1)]) { Header = InteractiveHeader.FromImage(MediaSource.FromId("1")) };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("interactive.header.type", ex.Field);
    }

    [Theory]
    [InlineData("+16505551234")]
    [InlineData("16505551234")]
    [InlineData("+1 (650) 555-1234")]
    [InlineData("44.20.7946.0958")]
    [InlineData("1234567")]
    [InlineData("+123456789012345")]
    public void ValidateRecipient_PlausibleNumberOrWaId_Accepts(string to)
    {
        MessageValidator.ValidateRecipient(to);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("123456", 7)]
    [InlineData("+1234567890123456", 15)]
    [InlineData("+1650abc1234", null)]
    [InlineData("1650+5551234", null)]
    [InlineData("user@example.com", null)]
    [InlineData("１６５０５５５１２３４", null)]
    public void ValidateRecipient_NotPlausible_ThrowsWithoutEchoingIt(string to, int? limit)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(to, "hi")));
        Assert.Equal("to", ex.Field);
        Assert.Equal(limit, ex.Limit);
        if (to.Trim().Length > 0)
        {
            Assert.DoesNotContain(to, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ValidateRecipient_Null_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(null!, "hi")));
        Assert.Equal("to", ex.Field);
    }

    [Theory]
    [InlineData("+1 (650) 555-1234", "16505551234")]
    [InlineData("16505551234", "16505551234")]
    public void NormalizeRecipient_KeepsDigitsOnly(string to, string expected)
    {
        Assert.Equal(expected, MessageValidator.NormalizeRecipient(to));
    }

    [Theory]
    [InlineData(90.0, 0.0)]
    [InlineData(-90.0, 0.0)]
    [InlineData(0.0, 180.0)]
    [InlineData(0.0, -180.0)]
    public void Validate_LocationAtRangeLimits_Accepts(double latitude, double longitude)
    {
        MessageValidator.Validate(new LocationMessage(To, latitude, longitude));
    }

    [Theory]
    [InlineData(90.000001, 0.0, "location.latitude")]
    [InlineData(-90.000001, 0.0, "location.latitude")]
    [InlineData(double.NaN, 0.0, "location.latitude")]
    [InlineData(0.0, 180.000001, "location.longitude")]
    [InlineData(0.0, -180.000001, "location.longitude")]
    [InlineData(0.0, double.NaN, "location.longitude")]
    public void Validate_LocationOutOfRange_Throws(double latitude, double longitude, string path)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new LocationMessage(To, latitude, longitude)));
        Assert.Equal(path, ex.Field);
    }

    [Theory]
    [InlineData("http://cdn.example.com/a.jpg")]
    [InlineData("ftp://cdn.example.com/a.jpg")]
    [InlineData("/relative/a.jpg")]
    [InlineData("https://user:secret@cdn.example.com/a.jpg")]
    [InlineData("file:///etc/passwd")]
    public void Validate_MediaLinkNotPlainHttps_Throws(string link)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new ImageMessage(To, MediaSource.FromLink(link))));
        Assert.Equal("image.link", ex.Field);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CtaUrlNotHttps_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveCtaUrlMessage(To, "b", "Go", new Uri("http://example.com"))));
        Assert.Equal("interactive.action.parameters.url", ex.Field);
    }

    [Fact]
    public void Validate_InteractiveHeaderMediaLinkNotHttps_Throws()
    {
        var message = new InteractiveButtonsMessage(To, "Pick one", [new ReplyButton("a", "A")]) { Header = InteractiveHeader.FromVideo(MediaSource.FromLink("http://cdn.example.com/v.mp4")) };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("interactive.header.video.link", ex.Field);
    }

    [Fact]
    public void Validate_TemplateHeaderDocumentLinkNotHttps_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Header(TemplateParameter.Document(MediaSource.FromLink("http://x.example/a.pdf")))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[0].parameters[0].document.link", ex.Field);
    }

    [Theory]
    [InlineData("Order_Update")]
    [InlineData("order-update")]
    [InlineData("order update")]
    public void Validate_TemplateNameNotLowercaseUnderscore_Throws(string name)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TemplateMessage(To, name, "en_US")));
        Assert.Equal("template.name", ex.Field);
    }

    [Theory]
    [InlineData("", "template.name")]
    [InlineData("ok_name", "template.language.code")]
    public void Validate_TemplateRequiredFieldMissing_Throws(string name, string path)
    {
        var language = path == "template.language.code" ? string.Empty : "en";
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TemplateMessage(To, name, language)));
        Assert.Equal(path, ex.Field);
    }

    [Fact]
    public void Validate_TemplateButtonIndexNine_AcceptsAndTen_Throws()
    {
        MessageValidator.Validate(new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.QuickReplyButton(9, "p")] });
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.QuickReplyButton(10, "p")] }));
        Assert.Equal("template.components[0].index", ex.Field);
        Assert.Equal(9, ex.Limit);
    }

    [Fact]
    public void Validate_TemplateDuplicateButtonIndex_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.QuickReplyButton(0, "a"), TemplateComponent.UrlButton(0, "b")] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[1].index", ex.Field);
    }

    [Fact]
    public void Validate_TemplateTwoBodies_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a")), TemplateComponent.Body(TemplateParameter.Text("b"))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[1]", ex.Field);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("")]
    public void Validate_TemplateCurrencyCodeNotIso4217_Throws(string code)
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a"), TemplateParameter.Currency("$1", code, 1000))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[0].parameters[1].currency.code", ex.Field);
    }

    [Fact]
    public void Validate_TemplateEmptyTextParameter_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a"), TemplateParameter.Text(""))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[0].parameters[1].text", ex.Field);
    }

    [Fact]
    public void Validate_TemplateDateTimeWithoutFallback_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.DateTime(""))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[0].parameters[0].date_time.fallback_value", ex.Field);
    }

    [Fact]
    public void Validate_FlowWithBothIdAndName_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveFlowMessage(To, "b", "Go") { FlowId = "1", FlowName = "n" }));
        Assert.Equal("interactive.action.parameters.flow_id", ex.Field);
    }

    [Fact]
    public void Validate_FlowWithNeitherIdNorName_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveFlowMessage(To, "b", "Go")));
        Assert.Equal("interactive.action.parameters.flow_id", ex.Field);
    }

    [Fact]
    public void Validate_FlowDataWithoutScreen_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveFlowMessage(To, "b", "Go") { FlowId = "1", Data = new JsonObject { ["a"] = 1 } }));
        Assert.Equal("interactive.action.parameters.flow_action_payload.screen", ex.Field);
    }

    [Fact]
    public void Validate_FlowEmptyData_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveFlowMessage(To, "b", "Go") { FlowId = "1", Screen = "S", Data = [] }));
        Assert.Equal("interactive.action.parameters.flow_action_payload.data", ex.Field);
    }

    [Fact]
    public void Validate_FlowDataExchangeWithScreen_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveFlowMessage(To, "b", "Go") { FlowId = "1", Action = FlowAction.DataExchange, Screen = "S" }));
        Assert.Equal("interactive.action.parameters.flow_action_payload", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_RequiredBodiesEmpty_Throw(string empty)
    {
        Assert.Equal("text.body", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(To, empty))).Field);
        Assert.Equal("interactive.body.text", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Buttons(body: empty))).Field);
    }

    [Fact]
    public void Validate_MediaByEmptyId_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new AudioMessage(To, MediaSource.FromId(""))));
        Assert.Equal("audio.id", ex.Field);
    }

    [Fact]
    public void Validate_MediaSourceNull_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new StickerMessage(To, null!)));
        Assert.Equal("sticker", ex.Field);
    }

    [Fact]
    public void Validate_ReactionWithoutMessageId_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new ReactionMessage(To, "", "👍")));
        Assert.Equal("reaction.message_id", ex.Field);
    }

    [Fact]
    public void Validate_ReactionRemoval_Accepts()
    {
        MessageValidator.Validate(ReactionMessage.Remove(To, "wamid.X"));
    }

    [Fact]
    public void Validate_EmptyReplyContext_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(To, "x") { ReplyToMessageId = "" }));
        Assert.Equal("context.message_id", ex.Field);
    }

    [Fact]
    public void Validate_ContactsEmpty_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new ContactsMessage(To, [])));
        Assert.Equal("contacts", ex.Field);
    }

    [Fact]
    public void Validate_ContactWithoutFormattedName_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new ContactsMessage(To, [new ContactCard(new ContactName("A")), new ContactCard(new ContactName(""))])));
        Assert.Equal("contacts[1].name.formatted_name", ex.Field);
    }

    [Fact]
    public void Validate_ContactPhoneEmpty_Throws()
    {
        var card = new ContactCard(new ContactName("A")) { Phones = [new ContactPhone("")] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new ContactsMessage(To, [card])));
        Assert.Equal("contacts[0].phones[0].phone", ex.Field);
    }

    private static InteractiveButtonsMessage Buttons(string body = "Pick one") => new(To, body, [new ReplyButton("a", "A")]);

    private static InteractiveListMessage List(IEnumerable<ListSection> sections) => new(To, "Pick", "Open", sections);

    private static ListSection Section(string title, int firstId, int rows)
        => new(title, Enumerable.Range(firstId, rows).Select(i => new ListRow($"r{i}", $"Row {i}")));
}
