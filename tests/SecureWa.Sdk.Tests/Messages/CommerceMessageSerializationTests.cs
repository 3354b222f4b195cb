using SecureWa.Sdk.Messages;
using static SecureWa.Sdk.Tests.Messages.MessageJson;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>
/// The commerce, order, location request, address and call permission messages serialize to Meta's published
/// request bodies. "OpenAPI" below is facebook/openapi, business-messaging-api_v23.0.yaml, path
/// /{Version}/{Phone-Number-ID}/messages, requestBody examples (named in each test); placeholders such as
/// &lt;BODY_TEXT&gt; are replaced by sample values.
/// </summary>
public class CommerceMessageSerializationTests
{
    private const string To = "+16505551234";

    [Fact]
    public void Catalog_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Catalog Message" (verbatim, including its to).
        AssertSerializesTo(
            """
            {"interactive":{"action":{"name":"catalog_message","parameters":{"thumbnail_product_retailer_id":"2lc20305pt"}},
              "body":{"text":"Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and add items to purchase."},
              "footer":{"text":"Best grocery deals on WhatsApp!"},"type":"catalog_message"},
             "messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive"}
            """,
            new InteractiveCatalogMessage(To, "Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and add items to purchase.")
            {
                Footer = "Best grocery deals on WhatsApp!",
                ThumbnailProductRetailerId = "2lc20305pt",
            });
    }

    [Fact]
    public void Catalog_WithoutThumbnail_OmitsParameters()
    {
        var node = Serialize(new InteractiveCatalogMessage(To, "Browse"));
        AssertJsonEquals("""{"name":"catalog_message"}""", node["interactive"]!["action"]);
    }

    [Fact]
    public void Product_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Single Product Message".
        AssertSerializesTo(
            """
            {"interactive":{"action":{"catalog_id":"367025965434465","product_retailer_id":"ID_TEST_ITEM_1"},
              "body":{"text":"OPTIONAL_BODY_TEXT"},"footer":{"text":"OPTIONAL_FOOTER_TEXT"},"type":"product"},
             "messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive"}
            """,
            new InteractiveProductMessage(To, "367025965434465", "ID_TEST_ITEM_1", "OPTIONAL_BODY_TEXT") { Footer = "OPTIONAL_FOOTER_TEXT" });
    }

    [Fact]
    public void Product_WithoutBody_OmitsBody()
    {
        var node = Serialize(new InteractiveProductMessage(To, "367025965434465", "SKU-1"));
        Assert.Null(node["interactive"]!["body"]);
    }

    [Fact]
    public void ProductList_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Multi-Product Message" (header type <HEADER_TYPE> is "text", the only type allowed).
        AssertSerializesTo(
            """
            {"interactive":{"action":{"catalog_id":"146265584024623","sections":[
                {"product_items":[{"product_retailer_id":"YOUR_PRODUCT1_SKU_IN_CATALOG"},{"product_retailer_id":"YOUR_SECOND_PRODUCT1_SKU_IN_CATALOG"}],"title":"SECTION1_TITLE"},
                {"product_items":[{"product_retailer_id":"YOUR_PRODUCT2_SKU_IN_CATALOG"},{"product_retailer_id":"YOUR_SECOND_PRODUCT2_SKU_IN_CATALOG"}],"title":"SECTION2_TITLE"}]},
              "body":{"text":"YOUR_TEXT_BODY_CONTENT"},"footer":{"text":"YOUR_TEXT_FOOTER_CONTENT"},
              "header":{"text":"YOUR_TEXT_HEADER_CONTENT","type":"text"},"type":"product_list"},
             "messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive"}
            """,
            new InteractiveProductListMessage(
                To,
                "YOUR_TEXT_HEADER_CONTENT",
                "YOUR_TEXT_BODY_CONTENT",
                "146265584024623",
                [
                    new ProductSection("SECTION1_TITLE", ["YOUR_PRODUCT1_SKU_IN_CATALOG", "YOUR_SECOND_PRODUCT1_SKU_IN_CATALOG"]),
                    new ProductSection("SECTION2_TITLE", ["YOUR_PRODUCT2_SKU_IN_CATALOG", "YOUR_SECOND_PRODUCT2_SKU_IN_CATALOG"]),
                ])
            {
                Footer = "YOUR_TEXT_FOOTER_CONTENT",
            });
    }

    [Fact]
    public void OrderDetails_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Order Details Message" (verbatim apart from the to placeholder).
        AssertSerializesTo(
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
             "messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive"}
            """,
            MetaOrderDetailsExample(To));
    }

    internal static InteractiveOrderDetailsMessage MetaOrderDetailsExample(string to)
        => new(
            to,
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

    [Fact]
    public void OrderDetails_PaymentSettings_WriteEachDocumentedShape()
    {
        // Shapes of payment_settings as Meta's Payments API pages show them: India payment gateway
        // ({type:"payment_gateway",payment_gateway:{type,configuration_name}}), payment links
        // ({type:"payment_link",payment_link:{uri}}), Brazil Pix ({type:"pix_dynamic_code",pix_dynamic_code:{code,
        // merchant_name,key,key_type}}) and boleto ({type:"boleto",boleto:{digitable_line}}); cross-checked with pywa.
        var message = new InteractiveOrderDetailsMessage(
            To,
            "Pay your order",
            "order-42",
            "BRL",
            new OrderAmount(500),
            new OrderDetails([new OrderItem("sku-1", "Pão", new OrderAmount(500), 1)], new OrderAmount(500), new OrderCharge(new OrderAmount(0))))
        {
            GoodsType = OrderGoodsType.PhysicalGoods,
            PaymentSettings =
            [
                OrderPaymentSetting.PaymentGateway("razorpay", "my-config"),
                OrderPaymentSetting.PaymentLink(new Uri("https://pay.example.com/order-42")),
                OrderPaymentSetting.PixDynamicCode("00020101021226700014br.gov.bcb.pix", "Loja Exemplo", "39580525000189", "CNPJ"),
                OrderPaymentSetting.Boleto("03399026944140000002628346101018898510000008848"),
            ],
        };

        var parameters = Serialize(message)["interactive"]!["action"]!["parameters"]!;
        Assert.Equal("physical-goods", parameters["type"]!.GetValue<string>());
        AssertJsonEquals(
            """
            [{"type":"payment_gateway","payment_gateway":{"type":"razorpay","configuration_name":"my-config"}},
             {"type":"payment_link","payment_link":{"uri":"https://pay.example.com/order-42"}},
             {"type":"pix_dynamic_code","pix_dynamic_code":{"code":"00020101021226700014br.gov.bcb.pix","merchant_name":"Loja Exemplo","key":"39580525000189","key_type":"CNPJ"}},
             {"type":"boleto","boleto":{"digitable_line":"03399026944140000002628346101018898510000008848"}}]
            """,
            parameters["payment_settings"]);
        AssertJsonEquals("""{"value":0,"offset":100}""", parameters["order"]!["tax"]);
    }

    [Fact]
    public void OrderDetails_Expiration_WritesUnixSecondsAsString()
    {
        var message = new InteractiveOrderDetailsMessage(
            To, "Pay", "r1", "INR", new OrderAmount(100),
            new OrderDetails([new OrderItem("s", "n", new OrderAmount(100), 1)], new OrderAmount(100), new OrderCharge(new OrderAmount(0)))
            {
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
                ExpirationDescription = "Pay within 24 hours",
            })
        {
            PaymentSettings = [OrderPaymentSetting.PaymentGateway("payu", "cfg")],
        };

        AssertJsonEquals(
            """{"timestamp":"1700000000","description":"Pay within 24 hours"}""",
            Serialize(message)["interactive"]!["action"]!["parameters"]!["order"]!["expiration"]);
    }

    [Fact]
    public void OrderStatus_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Order Status Message". Its placeholder reference id
        // (unique-reference-id-from-order-details-msg) is 41 characters, over the documented 35, so a shorter one is used.
        AssertSerializesTo(
            """
            {"interactive":{"action":{"name":"review_order","parameters":{"order":{"description":"optional-text","status":"processing"},
                "reference_id":"unique-reference-id"}},
              "body":{"text":"your-text-body-content"},"type":"order_status"},
             "messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive"}
            """,
            new InteractiveOrderStatusMessage(To, "your-text-body-content", "unique-reference-id", OrderStatus.Processing) { Description = "optional-text" });
    }

    [Theory]
    [InlineData(OrderStatus.Pending, "pending")]
    [InlineData(OrderStatus.Processing, "processing")]
    [InlineData(OrderStatus.PartiallyShipped, "partially-shipped")]
    [InlineData(OrderStatus.Shipped, "shipped")]
    [InlineData(OrderStatus.Completed, "completed")]
    [InlineData(OrderStatus.Canceled, "canceled")]
    public void OrderStatus_EachStatus_WritesDocumentedValue(OrderStatus status, string expected)
    {
        // The values Meta documents for order.status (Payments API India, "Order status" reference).
        var node = Serialize(new InteractiveOrderStatusMessage(To, "Update", "ref-1", status));
        Assert.Equal(expected, node["interactive"]!["action"]!["parameters"]!["order"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void LocationRequest_MetaExample_MatchesPublishedBody()
    {
        // Meta, "Location request messages", request syntax
        // (developers.facebook.com/documentation/business-messaging/whatsapp/messages/location-request-messages).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive","to":"+16505551234",
             "interactive":{"type":"location_request_message","body":{"text":"Let us start with your pickup. You can either manually enter an address or share your current location."},
               "action":{"name":"send_location"}}}
            """,
            new InteractiveLocationRequestMessage(To, "Let us start with your pickup. You can either manually enter an address or share your current location."));
    }

    [Fact]
    public void Address_MetaSample_MatchesPublishedBody()
    {
        // Meta, "Address Messages", sample API call (country is mandatory)
        // (developers.facebook.com/documentation/business-messaging/whatsapp/messages/address-messages).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+919000000000","type":"interactive",
             "interactive":{"type":"address_message","body":{"text":"Thanks for your order! Tell us what address you’d like this order delivered to."},
               "action":{"name":"address_message","parameters":{"country":"IN"}}}}
            """,
            new InteractiveAddressMessage("+919000000000", "Thanks for your order! Tell us what address you’d like this order delivered to.", "IN"));
    }

    [Fact]
    public void Address_ValuesSavedAddressesAndErrors_WriteDocumentedFields()
    {
        // Same page, "Additional action parameters": values, saved_addresses [{id, value}], validation_errors {field: message};
        // field names from its table of supported fields.
        var message = new InteractiveAddressMessage("+919000000000", "Where should we deliver?", "IN")
        {
            Values = new AddressFields { Name = "CUSTOMER_NAME", PhoneNumber = "+91xxxxxxxxxx", InPinCode = "400063", HouseNumber = "12", FloorNumber = "2", TowerNumber = "5", BuildingName = "Sunrise", Address = "Link Road", LandmarkArea = "Near park", City = "Mumbai", State = "Maharashtra" },
            SavedAddresses = [new SavedAddress("address1", new AddressFields { Name = "CUSTOMER_NAME", InPinCode = "400063", City = "Mumbai" })],
            ValidationErrors = new Dictionary<string, string> { ["in_pin_code"] = "We could not locate this pin code." },
        };

        AssertJsonEquals(
            """
            {"country":"IN",
             "values":{"name":"CUSTOMER_NAME","phone_number":"+91xxxxxxxxxx","in_pin_code":"400063","house_number":"12","floor_number":"2","tower_number":"5",
               "building_name":"Sunrise","address":"Link Road","landmark_area":"Near park","city":"Mumbai","state":"Maharashtra"},
             "saved_addresses":[{"id":"address1","value":{"name":"CUSTOMER_NAME","in_pin_code":"400063","city":"Mumbai"}}],
             "validation_errors":{"in_pin_code":"We could not locate this pin code."}}
            """,
            Serialize(message)["interactive"]!["action"]!["parameters"]);
    }

    [Fact]
    public void CallPermissionRequest_MatchesOpenApiSchema()
    {
        // OpenAPI schemas InteractiveObject (type call_permission_request) and ActionObject ({name: call_permission_request}).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "interactive":{"type":"call_permission_request","body":{"text":"We would like to call you about your order."},
               "action":{"name":"call_permission_request"}}}
            """,
            new InteractiveCallPermissionRequestMessage(To, "We would like to call you about your order."));
    }
}
