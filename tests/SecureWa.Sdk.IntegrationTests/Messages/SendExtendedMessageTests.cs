using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.IntegrationTests.Messages;

/// <summary>
/// Product list, order details, carousel template, group text and the escape hatch through a real
/// <see cref="WhatsAppClient"/> to WireMock: the journal shows exactly the body Meta publishes. "OpenAPI" is
/// facebook/openapi, business-messaging-api_v23.0.yaml, /{Version}/{Phone-Number-ID}/messages requestBody examples.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class SendExtendedMessageTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Recipient = "16505551234";

    // Meta, "Group messaging", "Example group message send".
    private const string GroupId = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

    private readonly MessagesTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task SendAsync_ProductList_SendsMetaMultiProductBody()
    {
        // OpenAPI example "Send Multi-Product Message" (placeholders filled, header type "text").
        var message = new InteractiveProductListMessage(
            Recipient,
            "Our bakery",
            "Fresh from the oven today",
            "146265584024623",
            [new ProductSection("Breads", ["sku-sourdough", "sku-rye"]), new ProductSection("Cakes", ["sku-carrot", "sku-lemon"])])
        {
            Footer = "Order before noon",
        };

        var body = await SendAndCaptureAsync(message);

        AssertJsonEqual(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive",
             "interactive":{"type":"product_list","header":{"type":"text","text":"Our bakery"},"body":{"text":"Fresh from the oven today"},
               "footer":{"text":"Order before noon"},
               "action":{"catalog_id":"146265584024623","sections":[
                 {"title":"Breads","product_items":[{"product_retailer_id":"sku-sourdough"},{"product_retailer_id":"sku-rye"}]},
                 {"title":"Cakes","product_items":[{"product_retailer_id":"sku-carrot"},{"product_retailer_id":"sku-lemon"}]}]}}}
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_OrderDetails_SendsMetaOrderDetailsBody()
    {
        // OpenAPI example "Send Order Details Message" (verbatim apart from the recipient).
        var message = new InteractiveOrderDetailsMessage(
            Recipient,
            "your-text-body-content",
            "unique-reference-id",
            "INR",
            new OrderAmount(1100, 100),
            new OrderDetails(
                [new OrderItem("1234567", "bread", new OrderAmount(1500, 100), 1) { SaleAmount = new OrderAmount(1000, 100) }],
                new OrderAmount(1000, 100),
                new OrderCharge(new OrderAmount(100, 100), "optional_text"))
            {
                Shipping = new OrderCharge(new OrderAmount(100, 100), "optional_text"),
                Discount = new OrderCharge(new OrderAmount(100, 100), "optional_text") { DiscountProgramName = "optional_text" },
            })
        {
            Header = InteractiveHeader.FromImage(MediaSource.FromLink("https://upload.wikimedia.org/wikipedia/commons/thumb/3/3b/Home_made_sour_dough_bread.jpg/640px-Home_made_sour_dough_bread.jpg")),
            Footer = "your-text-footer-content",
            PaymentType = "upi",
            PaymentConfiguration = "my-payment-config-name",
        };

        var body = await SendAndCaptureAsync(message);

        AssertJsonEqual(
            """
            {"interactive":{"action":{"name":"review_and_pay","parameters":{"currency":"INR",
                "order":{"discount":{"description":"optional_text","discount_program_name":"optional_text","offset":100,"value":100},
                  "items":[{"amount":{"offset":100,"value":1500},"name":"bread","quantity":1,"retailer_id":"1234567","sale_amount":{"offset":100,"value":1000}}],
                  "shipping":{"description":"optional_text","offset":100,"value":100},"status":"pending",
                  "subtotal":{"offset":100,"value":1000},"tax":{"description":"optional_text","offset":100,"value":100}},
                "payment_configuration":"my-payment-config-name","payment_type":"upi","reference_id":"unique-reference-id",
                "total_amount":{"offset":100,"value":1100},"type":"digital-goods"}},
              "body":{"text":"your-text-body-content"},"footer":{"text":"your-text-footer-content"},
              "header":{"image":{"link":"https://upload.wikimedia.org/wikipedia/commons/thumb/3/3b/Home_made_sour_dough_bread.jpg/640px-Home_made_sour_dough_bread.jpg"},"type":"image"},
              "type":"order_details"},
             "messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive"}
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_CarouselTemplate_SendsMetaCarouselBody()
    {
        // Meta, "Media card carousel templates", send example: a body, then cards with card_index and components.
        var message = new TemplateMessage(Recipient, "summer_carousel_promo_2023", "en_US")
        {
            Components =
            [
                TemplateComponent.Body(TemplateParameter.Text("20OFF"), TemplateParameter.Text("20%")),
                TemplateComponent.Carousel(
                    new TemplateCarouselCard(
                        0,
                        TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromId("24230790383178626"))),
                        TemplateComponent.Body(TemplateParameter.Text("10OFF"), TemplateParameter.Text("10%")),
                        TemplateComponent.QuickReplyButton(0, "59NqSd"),
                        TemplateComponent.UrlButton(1, "last_chance_2023")),
                    new TemplateCarouselCard(
                        1,
                        TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromId("1633251627318536"))),
                        TemplateComponent.Body(TemplateParameter.Text("30OFF"), TemplateParameter.Text("30%")),
                        TemplateComponent.QuickReplyButton(0, "7C4xhY"),
                        TemplateComponent.UrlButton(1, "summer_2023"))),
            ],
        };

        var body = await SendAndCaptureAsync(message);

        AssertJsonEqual(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template",
             "template":{"name":"summer_carousel_promo_2023","language":{"code":"en_US"},"components":[
               {"type":"body","parameters":[{"type":"text","text":"20OFF"},{"type":"text","text":"20%"}]},
               {"type":"carousel","cards":[
                 {"card_index":0,"components":[
                   {"type":"header","parameters":[{"type":"image","image":{"id":"24230790383178626"}}]},
                   {"type":"body","parameters":[{"type":"text","text":"10OFF"},{"type":"text","text":"10%"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"59NqSd"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"last_chance_2023"}]}]},
                 {"card_index":1,"components":[
                   {"type":"header","parameters":[{"type":"image","image":{"id":"1633251627318536"}}]},
                   {"type":"body","parameters":[{"type":"text","text":"30OFF"},{"type":"text","text":"30%"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"7C4xhY"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"summer_2023"}]}]}]}]}}
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_GroupText_SendsMetaGroupBody()
    {
        // Meta, "Group messaging", "Example group message send" (verbatim), with biz_opaque_callback_data added.
        var message = new TextMessage(GroupId, "This is another destination option: https://www.luckytravel.com/DDLmU5F1Pw")
        {
            RecipientType = MessageRecipientType.Group,
            PreviewUrl = true,
            BizOpaqueCallbackData = "trip-42",
        };

        var body = await SendAndCaptureAsync(message, input: GroupId);

        AssertJsonEqual(
            """
            {"messaging_product":"whatsapp","recipient_type":"group","to":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD","type":"text",
             "biz_opaque_callback_data":"trip-42",
             "text":{"preview_url":true,"body":"This is another destination option: https://www.luckytravel.com/DDLmU5F1Pw"}}
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_EscapeHatch_MergesPropertiesIntoRequestAndTypeObject()
    {
        var message = new TextMessage(Recipient, "Hi")
        {
            AdditionalProperties = new JsonObject { ["future_top_level"] = new JsonObject { ["enabled"] = true } },
            AdditionalTypeProperties = new JsonObject { ["future_text_option"] = "x" },
        };

        var body = await SendAndCaptureAsync(message);

        AssertJsonEqual(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"text",
             "future_top_level":{"enabled":true},"text":{"body":"Hi","future_text_option":"x"}}
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_EscapeHatchOverridingTo_SendsNothing()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(Recipient, Recipient, "wamid.x")));

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.Messages.SendAsync(
            new TextMessage(Recipient, "Hi") { AdditionalProperties = new JsonObject { ["to"] = "16505550000" } }));

        Assert.Equal("additional_properties.to", ex.Field);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    private async Task<JsonNode> SendAndCaptureAsync(WhatsAppMessage message, string input = Recipient)
    {
        var path = MessagesTestContext.MessagesPath();
        await Admin.StubAsync(RequestPattern.For("POST", path), ResponseDefinition.Json(200, MessagesTestContext.SendResponse(input, input, "wamid.extended")));

        var result = await _context.Client.Messages.SendAsync(message);

        Assert.Equal("wamid.extended", result.MessageId);
        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal(path, sent.Url);
        Assert.Equal("Bearer " + _context.Token, sent.Header("Authorization"));
        return sent.BodyAsJson();
    }

    private static void AssertJsonEqual(string expectedJson, JsonNode actual)
    {
        var expected = JsonNode.Parse(expectedJson)!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected JSON:{Environment.NewLine}{expected.ToJsonString()}{Environment.NewLine}Actual JSON:{Environment.NewLine}{actual.ToJsonString()}");
    }
}
