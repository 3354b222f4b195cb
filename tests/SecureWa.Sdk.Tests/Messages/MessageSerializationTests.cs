using System.Text.Json.Nodes;
using SecureWa.Sdk.Messages;
using static SecureWa.Sdk.Tests.Messages.MessageJson;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>Every message kind serializes to the JSON documented by the Cloud API, field for field.</summary>
public class MessageSerializationTests
{
    private const string To = "+16505551234";

    [Fact]
    public void Text_Minimal_MatchesDocumentedJson()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text",
             "text":{"body":"Your order has shipped."}}
            """,
            new TextMessage(To, "Your order has shipped."));
    }

    [Fact]
    public void Text_WithPreviewUrlAndReply_WritesPreviewUrlAndContext()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text",
             "context":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"},
             "text":{"preview_url":true,"body":"Track it at https://example.com/track/1"}}
            """,
            new TextMessage(To, "Track it at https://example.com/track/1")
            {
                PreviewUrl = true,
                ReplyToMessageId = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA",
            });
    }

    [Fact]
    public void Text_NonAscii_RoundTripsExactly()
    {
        var node = Serialize(new TextMessage(To, "Olá 👋 — ünïcödé"));
        Assert.Equal("Olá 👋 — ünïcödé", node["text"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public void Text_RawBytes_WritePlusAndNonAsciiUnescapedButEscapeQuotesAndControls()
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            SecureWa.Sdk.Messages.Internal.MessageMapper.ToRequest(new TextMessage(To, "Olá \"Ana\"\n<b>")),
            SecureWa.Sdk.Messages.Internal.MessagesJsonContext.Wire.MessageRequest);
        var raw = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"to\":\"+16505551234\"", raw, StringComparison.Ordinal);
        Assert.Contains("Olá \\\"Ana\\\"\\n<b>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_AllParameterKindsAndButtons_MatchesDocumentedJson()
    {
        var message = new TemplateMessage(To, "order_update", "en_US")
        {
            DeterministicLanguagePolicy = true,
            Components =
            [
                TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromLink("https://cdn.example.com/banner.png"))),
                TemplateComponent.Body(
                    TemplateParameter.Text("Ana"),
                    TemplateParameter.Currency("$100.99", "USD", 100990),
                    TemplateParameter.DateTime("February 25, 1977")),
                TemplateComponent.QuickReplyButton(0, "STOP_PROMOS"),
                TemplateComponent.UrlButton(1, "orders/1234"),
                TemplateComponent.CopyCodeButton(2, "SAVE20"),
                TemplateComponent.FlowButton(3, "flow-token-1", new JsonObject { ["order"] = "1234" }),
            ],
        };

        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"order_update","language":{"policy":"deterministic","code":"en_US"},
              "components":[
               {"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/banner.png"}}]},
               {"type":"body","parameters":[
                 {"type":"text","text":"Ana"},
                 {"type":"currency","currency":{"fallback_value":"$100.99","code":"USD","amount_1000":100990}},
                 {"type":"date_time","date_time":{"fallback_value":"February 25, 1977"}}]},
               {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"STOP_PROMOS"}]},
               {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"orders/1234"}]},
               {"type":"button","sub_type":"copy_code","index":"2","parameters":[{"type":"coupon_code","coupon_code":"SAVE20"}]},
               {"type":"button","sub_type":"flow","index":"3","parameters":[{"type":"action","action":{"flow_token":"flow-token-1","flow_action_data":{"order":"1234"}}}]}
              ]}}
            """,
            message);
    }

    [Fact]
    public void Template_WithoutComponents_OmitsComponentsAndPolicy()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template",
             "template":{"name":"hello_world","language":{"code":"en_US"}}}
            """,
            new TemplateMessage("16505551234", "hello_world", "en_US"));
    }

    [Fact]
    public void Template_DocumentAndVideoHeadersAndNamedParameter_MatchDocumentedJson()
    {
        var document = new TemplateMessage(To, "invoice", "pt_BR")
        {
            Components =
            [
                TemplateComponent.Header(TemplateParameter.Document(MediaSource.FromId("1013859600285441"), "invoice.pdf")),
                TemplateComponent.Body(TemplateParameter.Text("Ana", parameterName: "customer_name")),
            ],
        };
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"invoice","language":{"code":"pt_BR"},"components":[
               {"type":"header","parameters":[{"type":"document","document":{"id":"1013859600285441","filename":"invoice.pdf"}}]},
               {"type":"body","parameters":[{"type":"text","parameter_name":"customer_name","text":"Ana"}]}]}}
            """,
            document);

        var video = new TemplateMessage(To, "promo", "en")
        {
            Components = [TemplateComponent.Header(TemplateParameter.Video(MediaSource.FromId("555")))],
        };
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"promo","language":{"code":"en"},"components":[
               {"type":"header","parameters":[{"type":"video","video":{"id":"555"}}]}]}}
            """,
            video);
    }

    [Fact]
    public void Image_ById_WithCaption()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"image",
             "image":{"id":"1479537139650973","caption":"Your receipt"}}
            """,
            new ImageMessage(To, MediaSource.FromId("1479537139650973")) { Caption = "Your receipt" });
    }

    [Fact]
    public void Image_ByLink_KeepsTheLinkExactly()
    {
        const string Link = "https://media.example.com/a%20b.jpg?X-Amz-Signature=abc%2Fdef&x=1";
        AssertSerializesTo(
            $$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"image",
             "image":{"link":"{{{Link}}}"}}
            """,
            new ImageMessage(To, MediaSource.FromLink(new Uri(Link))));
    }

    [Fact]
    public void Audio_ById()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"audio","audio":{"id":"123"}}
            """,
            new AudioMessage(To, MediaSource.FromId("123")));
    }

    [Fact]
    public void Video_ByLink_WithCaption()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"video",
             "video":{"link":"https://cdn.example.com/v.mp4","caption":"How to assemble"}}
            """,
            new VideoMessage(To, MediaSource.FromLink("https://cdn.example.com/v.mp4")) { Caption = "How to assemble" });
    }

    [Fact]
    public void Document_WithCaptionAndFilename()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"document",
             "document":{"id":"987","caption":"Invoice March","filename":"invoice-2026-03.pdf"}}
            """,
            new DocumentMessage(To, MediaSource.FromId("987")) { Caption = "Invoice March", Filename = "invoice-2026-03.pdf" });
    }

    [Fact]
    public void Sticker_ById()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"sticker","sticker":{"id":"798882015472548"}}
            """,
            new StickerMessage(To, MediaSource.FromId("798882015472548")));
    }

    [Fact]
    public void Location_WritesNumbersAndOptionalFields()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"location",
             "location":{"latitude":37.44216251868683,"longitude":-122.16153582049394,"name":"Philz Coffee","address":"101 Forest Ave, Palo Alto, CA 94301"}}
            """,
            new LocationMessage(To, 37.44216251868683, -122.16153582049394) { Name = "Philz Coffee", Address = "101 Forest Ave, Palo Alto, CA 94301" });
    }

    [Fact]
    public void Location_WithoutNameAndAddress_OmitsThem()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"location","location":{"latitude":-90,"longitude":180}}
            """,
            new LocationMessage(To, -90, 180));
    }

    [Fact]
    public void Contacts_FullCard_MatchesDocumentedJson()
    {
        var card = new ContactCard(new ContactName("Barbara J. Johnson") { FirstName = "Barbara", LastName = "Johnson", MiddleName = "Joana", Suffix = "Esq.", Prefix = "Dr." })
        {
            Phones = [new ContactPhone("+1 (940) 555-1234") { Type = "HOME" }, new ContactPhone("+1 (650) 555-1234") { Type = "WORK", WaId = "16505551234" }],
            Emails = [new ContactEmail("bjohnson@example.com") { Type = "WORK" }],
            Addresses = [new ContactAddress { Street = "1 Lucky Shrimp Way", City = "Menlo Park", State = "CA", Zip = "94025", Country = "United States", CountryCode = "US", Type = "WORK" }],
            Organization = new ContactOrganization { Company = "Lucky Shrimp", Department = "Legal", Title = "Lead Counsel" },
            Urls = [new ContactUrl("https://www.luckyshrimp.com") { Type = "WORK" }],
            Birthday = new DateOnly(1999, 1, 23),
        };

        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"contacts",
             "contacts":[{
               "addresses":[{"street":"1 Lucky Shrimp Way","city":"Menlo Park","state":"CA","zip":"94025","country":"United States","country_code":"US","type":"WORK"}],
               "birthday":"1999-01-23",
               "emails":[{"email":"bjohnson@example.com","type":"WORK"}],
               "name":{"formatted_name":"Barbara J. Johnson","first_name":"Barbara","last_name":"Johnson","middle_name":"Joana","suffix":"Esq.","prefix":"Dr."},
               "org":{"company":"Lucky Shrimp","department":"Legal","title":"Lead Counsel"},
               "phones":[{"phone":"+1 (940) 555-1234","type":"HOME"},{"phone":"+1 (650) 555-1234","type":"WORK","wa_id":"16505551234"}],
               "urls":[{"url":"https://www.luckyshrimp.com","type":"WORK"}]}]}
            """,
            new ContactsMessage(To, [card]));
    }

    [Fact]
    public void Contacts_NameOnly_OmitsEmptyLists()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"contacts",
             "contacts":[{"name":{"formatted_name":"Support","first_name":"Support"}}]}
            """,
            new ContactsMessage(To, [new ContactCard(new ContactName("Support") { FirstName = "Support" })]));
    }

    [Fact]
    public void InteractiveButtons_WithTextHeaderAndFooter_MatchesDocumentedJson()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"button",
               "header":{"type":"text","text":"Appointment"},
               "body":{"text":"Confirm Friday 10:00?"},
               "footer":{"text":"Lucky Shrimp Clinic"},
               "action":{"buttons":[
                 {"type":"reply","reply":{"id":"confirm","title":"Confirm"}},
                 {"type":"reply","reply":{"id":"reschedule","title":"Reschedule"}}]}}}
            """,
            new InteractiveButtonsMessage(To, "Confirm Friday 10:00?", [new ReplyButton("confirm", "Confirm"), new ReplyButton("reschedule", "Reschedule")])
            {
                Header = InteractiveHeader.FromText("Appointment"),
                Footer = "Lucky Shrimp Clinic",
            });
    }

    [Fact]
    public void InteractiveButtons_WithImageHeader_WritesMediaHeader()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"button","header":{"type":"image","image":{"id":"2762702990552401"}},
               "body":{"text":"Pick one"},
               "action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}}]}}}
            """,
            new InteractiveButtonsMessage(To, "Pick one", [new ReplyButton("a", "A")]) { Header = InteractiveHeader.FromImage(MediaSource.FromId("2762702990552401")) });
    }

    [Fact]
    public void InteractiveButtons_WithVideoAndDocumentHeaders_WritesMediaHeaders()
    {
        var video = Serialize(new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", "A")]) { Header = InteractiveHeader.FromVideo(MediaSource.FromLink("https://cdn.example.com/v.mp4")) });
        AssertJsonEquals("""{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}""", video["interactive"]!["header"]);

        var document = Serialize(new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", "A")]) { Header = InteractiveHeader.FromDocument(MediaSource.FromId("42"), "terms.pdf") });
        AssertJsonEquals("""{"type":"document","document":{"id":"42","filename":"terms.pdf"}}""", document["interactive"]!["header"]);
    }

    [Fact]
    public void InteractiveList_MatchesDocumentedJson()
    {
        var message = new InteractiveListMessage(
            To,
            "Which shipping option do you prefer?",
            "Shipping Options",
            [
                new ListSection("I want it ASAP!", [new ListRow("priority_express", "Priority Mail Express") { Description = "Next Day to 2 Days" }, new ListRow("priority_mail", "Priority Mail")]),
                new ListSection("I can wait a bit", [new ListRow("usps_ground", "USPS Ground Advantage") { Description = "2 – 5 Days" }]),
            ])
        {
            Header = InteractiveHeader.FromText("Choose Shipping Option"),
            Footer = "Lucky Shrimp Shipping",
        };

        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"list",
               "header":{"type":"text","text":"Choose Shipping Option"},
               "body":{"text":"Which shipping option do you prefer?"},
               "footer":{"text":"Lucky Shrimp Shipping"},
               "action":{"button":"Shipping Options","sections":[
                 {"title":"I want it ASAP!","rows":[
                   {"id":"priority_express","title":"Priority Mail Express","description":"Next Day to 2 Days"},
                   {"id":"priority_mail","title":"Priority Mail"}]},
                 {"title":"I can wait a bit","rows":[
                   {"id":"usps_ground","title":"USPS Ground Advantage","description":"2 – 5 Days"}]}]}}}
            """,
            message);
    }

    [Fact]
    public void InteractiveList_SingleSectionWithoutTitle_OmitsTitle()
    {
        var node = Serialize(new InteractiveListMessage(To, "Pick", "Open", [new ListSection(null, [new ListRow("r1", "Row 1")])]));
        AssertJsonEquals("""{"button":"Open","sections":[{"rows":[{"id":"r1","title":"Row 1"}]}]}""", node["interactive"]!["action"]);
    }

    [Fact]
    public void InteractiveCtaUrl_MatchesDocumentedJson()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"cta_url",
               "header":{"type":"image","image":{"link":"https://cdn.example.com/banner.png"}},
               "body":{"text":"Tap to see available dates."},
               "footer":{"text":"Dates subject to change."},
               "action":{"name":"cta_url","parameters":{"display_text":"See Dates","url":"https://www.luckyshrimp.com/tours?ref=wa"}}}}
            """,
            new InteractiveCtaUrlMessage(To, "Tap to see available dates.", "See Dates", new Uri("https://www.luckyshrimp.com/tours?ref=wa"))
            {
                Header = InteractiveHeader.FromImage(MediaSource.FromLink("https://cdn.example.com/banner.png")),
                Footer = "Dates subject to change.",
            });
    }

    [Fact]
    public void InteractiveFlow_Navigate_MatchesDocumentedJson()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"flow",
               "header":{"type":"text","text":"Booking"},
               "body":{"text":"Book your appointment"},
               "footer":{"text":"Takes 1 minute"},
               "action":{"name":"flow","parameters":{
                 "flow_message_version":"3","flow_token":"session-42","flow_id":"1197715005513101","flow_cta":"Book now",
                 "flow_action":"navigate","mode":"draft",
                 "flow_action_payload":{"screen":"BOOKING","data":{"clinic":"north","slots":[1,2]}}}}}}
            """,
            new InteractiveFlowMessage(To, "Book your appointment", "Book now")
            {
                Header = InteractiveHeader.FromText("Booking"),
                Footer = "Takes 1 minute",
                FlowId = "1197715005513101",
                FlowToken = "session-42",
                Action = FlowAction.Navigate,
                Screen = "BOOKING",
                Data = new JsonObject { ["clinic"] = "north", ["slots"] = new JsonArray(1, 2) },
                IsDraft = true,
            });
    }

    [Fact]
    public void InteractiveFlow_DataExchangeByName_OmitsPayload()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"flow","body":{"text":"Sign up"},
               "action":{"name":"flow","parameters":{"flow_message_version":"3","flow_name":"signup_flow","flow_cta":"Sign up","flow_action":"data_exchange"}}}}
            """,
            new InteractiveFlowMessage(To, "Sign up", "Sign up") { FlowName = "signup_flow", Action = FlowAction.DataExchange });
    }

    [Fact]
    public void Reaction_MatchesDocumentedJson()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"reaction",
             "reaction":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","emoji":"😀"}}
            """,
            new ReactionMessage(To, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", "😀"));
    }

    [Fact]
    public void Reaction_Remove_WritesEmptyEmoji()
    {
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"reaction",
             "reaction":{"message_id":"wamid.X","emoji":""}}
            """,
            ReactionMessage.Remove(To, "wamid.X"));
    }

    [Fact]
    public void ReplyContext_OnMediaMessage_IsWritten()
    {
        var node = Serialize(new StickerMessage(To, MediaSource.FromId("1")) { ReplyToMessageId = "wamid.Y" });
        AssertJsonEquals("""{"message_id":"wamid.Y"}""", node["context"]);
    }

    [Fact]
    public void AllKinds_NeverWriteNulls()
    {
        WhatsAppMessage[] messages =
        [
            new TextMessage(To, "x"),
            new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a"))] },
            new ImageMessage(To, MediaSource.FromId("1")),
            new DocumentMessage(To, MediaSource.FromId("1")),
            new LocationMessage(To, 1, 2),
            new ContactsMessage(To, [new ContactCard(new ContactName("n"))]),
            new InteractiveButtonsMessage(To, "b", [new ReplyButton("a", "A")]),
            new InteractiveListMessage(To, "b", "open", [new ListSection(null, [new ListRow("r", "R")])]),
            new InteractiveCtaUrlMessage(To, "b", "go", new Uri("https://example.com")),
            new InteractiveFlowMessage(To, "b", "go") { FlowId = "1" },
            new ReactionMessage(To, "wamid.Z", "👍"),
        ];

        foreach (var message in messages)
        {
            var json = Serialize(message).ToJsonString();
            Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AssertJsonEquals_ExtraOrMissingOrDifferentField_Fails()
    {
        var actual = Serialize(new TextMessage(To, "x"));
        Assert.ThrowsAny<Exception>(() => AssertJsonEquals("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text","text":{"body":"y"}}""", actual));
        Assert.ThrowsAny<Exception>(() => AssertJsonEquals("""{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"x"}}""", actual));
        Assert.ThrowsAny<Exception>(() => AssertJsonEquals("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text","text":{"body":"x","preview_url":false}}""", actual));
    }
}
