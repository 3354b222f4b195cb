using System.Globalization;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>
/// The documented limits of the commerce, order, template and envelope additions: the limit itself passes, one
/// past it fails naming the JSON path and the limit, and the message never quotes the value.
/// </summary>
public class ExtendedMessageValidatorTests
{
    private const string To = "+16505551234";

    private static readonly Dictionary<string, (int Limit, string Path, Func<string, WhatsAppMessage> Build)> LengthCases = new()
    {
        // facebook/openapi v23.0: biz_opaque_callback_data maxLength 512.
        ["biz_opaque_callback_data"] = (512, "biz_opaque_callback_data", v => new TextMessage(To, "Hi") { BizOpaqueCallbackData = v }),
        // SectionObject.title maxLength 24 (also for multi-product sections); HeaderObject.text maxLength 60.
        ["product_list.section.title"] = (24, "interactive.action.sections[1].title", v => ProductList([new ProductSection("a", ["1"]), new ProductSection(v, ["2"])])),
        ["product_list.header"] = (60, "interactive.header.text", v => new InteractiveProductListMessage(To, v, "Body", "cat", [new ProductSection(null, ["1"])])),
        ["product.body"] = (1024, "interactive.body.text", v => new InteractiveProductMessage(To, "cat", "sku", v)),
        ["catalog.body"] = (1024, "interactive.body.text", v => new InteractiveCatalogMessage(To, v)),
        // Meta, "Receive payments via payment gateways" (payments-in/pg), reference_id: "case sensitive and cannot be an
        // empty string and can only contain English letters, numbers, underscores, dashes, or dots, and should not exceed
        // 35 characters". Same pages: order.description and expiration.description at most 120 characters.
        ["order_details.reference_id"] = (35, "interactive.action.parameters.reference_id", v => Order(referenceId: v)),
        ["order_status.reference_id"] = (35, "interactive.action.parameters.reference_id", v => new InteractiveOrderStatusMessage(To, "b", v, OrderStatus.Shipped)),
        ["order_status.description"] = (120, "interactive.action.parameters.order.description", v => new InteractiveOrderStatusMessage(To, "b", "r", OrderStatus.Shipped) { Description = v }),
        ["order_details.expiration.description"] = (120, "interactive.action.parameters.order.expiration.description", v => Order(expirationDescription: v)),
        // Address messages: in_pin_code and sg_post_code at most 6.
        ["address.in_pin_code"] = (6, "interactive.action.parameters.values.in_pin_code", v => new InteractiveAddressMessage(To, "b", "IN") { Values = new AddressFields { InPinCode = v } }),
        ["address.saved.sg_post_code"] = (6, "interactive.action.parameters.saved_addresses[0].value.sg_post_code", v => new InteractiveAddressMessage(To, "b", "SG") { SavedAddresses = [new SavedAddress("a1", new AddressFields { SgPostCode = v })] }),
        // Authentication templates: the one-time password is at most 15 characters; coupon codes too.
        ["otp.code"] = (15, "template.components[1].parameters[0].text", v => TemplateMessage.ForOneTimePassword(To, "auth", "en_US", v)),
        ["carousel.card.coupon"] = (15, "template.components[0].cards[0].components[1].parameters[0].coupon_code", v => Carousel(TemplateComponent.CopyCodeButton(0, v))),
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
        Assert.Contains(limit.ToString(CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void ProductList_SectionsWithinOneToTen_Accepts(int count)
        => MessageValidator.Validate(ProductList(Enumerable.Range(0, count).Select(i => new ProductSection("s" + i, ["p" + i])).ToArray()));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 10)]
    public void ProductList_SectionsOutsideOneToTen_Throws(int count, int limit)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(ProductList(Enumerable.Range(0, count).Select(i => new ProductSection("s" + i, ["p" + i])).ToArray())));
        Assert.Equal("interactive.action.sections", ex.Field);
        Assert.Equal(limit, ex.Limit);
    }

    [Fact]
    public void ProductList_ThirtyProductsAcrossSections_Accepts()
        => MessageValidator.Validate(ProductList([new ProductSection("a", Ids(0, 15)), new ProductSection("b", Ids(15, 15))]));

    [Fact]
    public void ProductList_ThirtyOneProductsAcrossSections_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(ProductList([new ProductSection("a", Ids(0, 15)), new ProductSection("b", Ids(15, 16))])));
        Assert.Equal("interactive.action.sections", ex.Field);
        Assert.Equal(30, ex.Limit);
    }

    [Fact]
    public void ProductList_MediaHeader_Throws()
    {
        var message = new InteractiveProductListMessage(To, "h", "b", "cat", [new ProductSection(null, ["1"])]) { Header = InteractiveHeader.FromImage(MediaSource.FromId("1")) };
        Assert.Equal("interactive.header", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void ProductList_EmptyBody_Throws()
        => Assert.Equal("interactive.body.text", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveProductListMessage(To, "h", "", "cat", [new ProductSection(null, ["1"])]))).Field);

    [Fact]
    public void ProductList_SecondSectionWithoutTitle_Throws()
        => Assert.Equal("interactive.action.sections[1].title", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(ProductList([new ProductSection("a", ["1"]), new ProductSection(null, ["2"])]))).Field);

    [Theory]
    [MemberData(nameof(NoHeaderKinds))]
    public void NoHeaderKinds_WithHeader_Throw(WhatsAppMessage message)
        => Assert.Equal("interactive.header", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);

    public static TheoryData<WhatsAppMessage> NoHeaderKinds => new()
    {
        new InteractiveCatalogMessage(To, "b") { Header = InteractiveHeader.FromText("h") },
        new InteractiveProductMessage(To, "c", "p") { Header = InteractiveHeader.FromText("h") },
        new InteractiveLocationRequestMessage(To, "b") { Header = InteractiveHeader.FromText("h") },
        new InteractiveCallPermissionRequestMessage(To, "b") { Header = InteractiveHeader.FromText("h") },
        new InteractiveOrderStatusMessage(To, "b", "r", OrderStatus.Shipped) { Header = InteractiveHeader.FromText("h") },
    };

    [Fact]
    public void Address_LowercaseCountry_Throws()
        => Assert.Equal("interactive.action.parameters.country", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new InteractiveAddressMessage(To, "b", "in"))).Field);

    [Fact]
    public void OrderDetails_MetaExample_Accepts()
        => MessageValidator.Validate(CommerceMessageSerializationTests.MetaOrderDetailsExample(To));

    [Fact]
    public void OrderDetails_SubtotalNotSumOfItems_Throws()
    {
        var message = Order(subtotal: new OrderAmount(999));
        Assert.Equal("interactive.action.parameters.order.subtotal", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void OrderDetails_TotalNotSubtotalPlusCharges_Throws()
    {
        var message = Order(total: new OrderAmount(1201));
        Assert.Equal("interactive.action.parameters.total_amount", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void OrderDetails_AmountsWithDifferentOffsets_CompareByValue()
    {
        // 10.00 as 1000/100 and as 10000/1000 are the same amount.
        MessageValidator.Validate(Order(subtotal: new OrderAmount(10000, 1000), total: new OrderAmount(12000, 1000)));
    }

    [Theory]
    [InlineData(0, "interactive.action.parameters.total_amount.offset")]
    [InlineData(-1, "interactive.action.parameters.total_amount.offset")]
    public void OrderDetails_NonPositiveOffset_Throws(int offset, string path)
        => Assert.Equal(path, Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(total: new OrderAmount(1200, offset)))).Field);

    [Fact]
    public void OrderDetails_ZeroQuantity_Throws()
    {
        var message = new InteractiveOrderDetailsMessage(To, "b", "r", "INR", new OrderAmount(0),
            new OrderDetails([new OrderItem("s", "n", new OrderAmount(100), 0)], new OrderAmount(0), new OrderCharge(new OrderAmount(0))))
        { PaymentSettings = [OrderPaymentSetting.PaymentGateway("razorpay", "c")] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("interactive.action.parameters.order.items[0].quantity", ex.Field);
        Assert.Equal(1, ex.Limit);
    }

    [Fact]
    public void OrderDetails_NoPaymentSetting_Throws()
        => Assert.Equal("interactive.action.parameters.payment_settings", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(settings: []))).Field);

    [Theory]
    [InlineData("inr")]
    [InlineData("RUPEE")]
    [InlineData("USD")]
    public void OrderDetails_BadCurrency_Throws(string currency)
        => Assert.Equal("interactive.action.parameters.currency", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(currency: currency))).Field);

    [Fact]
    public void OrderDetails_ReferenceIdWithSpace_Throws()
        => Assert.Equal("interactive.action.parameters.reference_id", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(referenceId: "order 1"))).Field);

    [Fact]
    public void OrderDetails_HttpPaymentLink_Throws()
        => Assert.Equal("interactive.action.parameters.payment_settings[0].payment_link.uri", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(settings: [OrderPaymentSetting.PaymentLink(new Uri("http://pay.example.com"))]))).Field);

    [Fact]
    public void OrderDetails_UnknownPixKeyType_ThrowsWithoutEchoingKey()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(Order(currency: "BRL", settings: [OrderPaymentSetting.PixDynamicCode("code", "Loja", "39580525000189", "IBAN")])));
        Assert.Equal("interactive.action.parameters.payment_settings[0].pix_dynamic_code.key_type", ex.Field);
        Assert.DoesNotContain("39580525000189", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Carousel_CardsWithinOneToTen_Accepts(int count)
        => MessageValidator.Validate(CarouselOf(Enumerable.Range(0, count).Select(i => Card(i)).ToArray()));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 10)]
    public void Carousel_CardsOutsideOneToTen_Throws(int count, int limit)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(CarouselOf(Enumerable.Range(0, count).Select(i => Card(i % 10)).ToArray())));
        Assert.Equal("template.components[0].cards", ex.Field);
        Assert.Equal(limit, ex.Limit);
    }

    [Fact]
    public void Carousel_CardWithoutHeader_Throws()
    {
        var message = CarouselOf(new TemplateCarouselCard(0, TemplateComponent.Body(TemplateParameter.Text("x"))));
        Assert.Equal("template.components[0].cards[0].components", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void Carousel_CardWithTextHeader_Throws()
    {
        var message = CarouselOf(new TemplateCarouselCard(0, TemplateComponent.Header(TemplateParameter.Text("x"))));
        Assert.Equal("template.components[0].cards[0].components[0].parameters", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void ProductParameter_OutsideCarouselCard_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Header(TemplateParameter.Product("cat", "sku"))] };
        Assert.Equal("template.components[0].parameters[0].product", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void ProductParameter_WithoutRetailerId_Throws()
    {
        var message = CarouselOf(new TemplateCarouselCard(0, TemplateComponent.Header(TemplateParameter.Product("cat", ""))));
        Assert.Equal("template.components[0].cards[0].components[0].parameters[0].product.product_retailer_id", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void Carousel_DuplicateCardIndex_Throws()
        => Assert.Equal("template.components[0].cards[1].card_index", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(CarouselOf(Card(0), Card(0)))).Field);

    [Fact]
    public void Carousel_CardIndexTen_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(CarouselOf(Card(10))));
        Assert.Equal("template.components[0].cards[0].card_index", ex.Field);
        Assert.Equal(9, ex.Limit);
    }

    [Fact]
    public void Carousel_MetaSendShape_Accepts()
        => MessageValidator.Validate(TemplateExtensionSerializationTests.CarouselExample(To));

    [Fact]
    public void NamedParameters_MixedWithPositional_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a", "first_name"), TemplateParameter.Text("b"))] };
        Assert.Equal("template.components[0].parameters", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Theory]
    [InlineData("First_Name")]
    [InlineData("first-name")]
    public void NamedParameters_BadName_Throws(string name)
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a", name))] };
        Assert.Equal("template.components[0].parameters[0].parameter_name", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void NamedParameters_DuplicateName_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Text("a", "n"), TemplateParameter.Text("b", "n"))] };
        Assert.Equal("template.components[0].parameters[1].parameter_name", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Theory]
    [InlineData("day_of_week", 8, 7)]
    [InlineData("month", 13, 12)]
    [InlineData("day_of_month", 32, 31)]
    [InlineData("hour", 24, 23)]
    [InlineData("minute", 60, 59)]
    public void DateTime_ComponentOutOfRange_Throws(string field, int value, int limit)
    {
        var dateTime = field switch
        {
            "day_of_week" => new TemplateDateTime("x") { DayOfWeek = value },
            "month" => new TemplateDateTime("x") { Month = value },
            "day_of_month" => new TemplateDateTime("x") { DayOfMonth = value },
            "hour" => new TemplateDateTime("x") { Hour = value },
            _ => new TemplateDateTime("x") { Minute = value },
        };
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.DateTime(dateTime))] };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("template.components[0].parameters[0].date_time." + field, ex.Field);
        Assert.Equal(limit, ex.Limit);
    }

    [Fact]
    public void LocationParameter_InBody_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.Location(1, 2))] };
        Assert.Equal("template.components[0].parameters[0].location", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void LocationHeader_LatitudeOutOfRange_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Header(TemplateParameter.Location(91, 2))] };
        Assert.Equal("template.components[0].parameters[0].location.latitude", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void LimitedTimeOffer_BeforeEpoch_Throws()
    {
        var message = new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.LimitedTimeOffer(DateTimeOffset.UnixEpoch)] };
        Assert.Equal("template.components[0].parameters[0].limited_time_offer.expiration_time_ms", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);
    }

    [Fact]
    public void Group_TextToGroupId_Accepts()
        => MessageValidator.Validate(new TextMessage(EnvelopeSerializationTests.GroupId, "Hi") { RecipientType = MessageRecipientType.Group });

    [Theory]
    [MemberData(nameof(GroupKinds))]
    public void Group_SupportedKinds_Accept(WhatsAppMessage message) => MessageValidator.Validate(message);

    public static TheoryData<WhatsAppMessage> GroupKinds => new()
    {
        new ImageMessage(EnvelopeSerializationTests.GroupId, MediaSource.FromId("1")) { RecipientType = MessageRecipientType.Group },
        new DocumentMessage(EnvelopeSerializationTests.GroupId, MediaSource.FromId("1")) { RecipientType = MessageRecipientType.Group },
        new TemplateMessage(EnvelopeSerializationTests.GroupId, "promo", "en") { RecipientType = MessageRecipientType.Group },
    };

    [Theory]
    [MemberData(nameof(NonGroupKinds))]
    public void Group_UnsupportedKinds_Throw(WhatsAppMessage message)
        => Assert.Equal("type", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message)).Field);

    // Meta, Groups API: "Non-supported message types: … Auth, Commerce messages, Interactive messages";
    // supported: text, media, text-based and media-based templates.
    public static TheoryData<WhatsAppMessage> NonGroupKinds => new()
    {
        new InteractiveButtonsMessage(EnvelopeSerializationTests.GroupId, "b", [new ReplyButton("a", "A")]) { RecipientType = MessageRecipientType.Group },
        new InteractiveProductMessage(EnvelopeSerializationTests.GroupId, "c", "p") { RecipientType = MessageRecipientType.Group },
        new LocationMessage(EnvelopeSerializationTests.GroupId, 1, 2) { RecipientType = MessageRecipientType.Group },
        new ReactionMessage(EnvelopeSerializationTests.GroupId, "wamid.1", "👍") { RecipientType = MessageRecipientType.Group },
        new TemplateMessage(EnvelopeSerializationTests.GroupId, "auth", "en") { RecipientType = MessageRecipientType.Group, Components = [TemplateComponent.OneTimePasswordButton("123456")] },
    };

    [Theory]
    [InlineData("+16505551234")]
    [InlineData("16505551234")]
    public void Group_PhoneNumberAsGroupId_Throws(string to)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(to, "Hi") { RecipientType = MessageRecipientType.Group }));
        Assert.Equal("to", ex.Field);
        Assert.DoesNotContain(to, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_IdWithSpace_Throws()
        => Assert.Equal("to", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage("abc def", "Hi") { RecipientType = MessageRecipientType.Group })).Field);

    [Fact]
    public void Group_IdTooLong_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(new string('a', 257), "Hi") { RecipientType = MessageRecipientType.Group }));
        Assert.Equal("to", ex.Field);
        Assert.Equal(256, ex.Limit);
    }

    [Fact]
    public void Individual_GroupIdAsPhoneNumber_StillThrows()
        => Assert.Equal("to", Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(new TextMessage(EnvelopeSerializationTests.GroupId, "Hi"))).Field);

    private static InteractiveProductListMessage ProductList(ProductSection[] sections) => new(To, "Header", "Body", "146265584024623", sections);

    private static string[] Ids(int start, int count) => Enumerable.Range(start, count).Select(i => "sku-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static TemplateCarouselCard Card(int index) => new(index, TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromId("1"))));

    private static TemplateMessage CarouselOf(params TemplateCarouselCard[] cards) => new(To, "carousel", "en_US") { Components = [TemplateComponent.Carousel(cards)] };

    private static TemplateMessage Carousel(TemplateComponent button)
        => CarouselOf(new TemplateCarouselCard(0, TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromId("1"))), button));

    // 2 × 5.00 + 1.00 tax + 1.00 shipping = 12.00 (all offsets 100 unless given).
    private static InteractiveOrderDetailsMessage Order(
        string referenceId = "order-1",
        string currency = "INR",
        OrderAmount? total = null,
        OrderAmount? subtotal = null,
        string? expirationDescription = null,
        OrderPaymentSetting[]? settings = null)
        => new(
            To,
            "Pay your order",
            referenceId,
            currency,
            total ?? new OrderAmount(1200),
            new OrderDetails([new OrderItem("sku-1", "Bread", new OrderAmount(500), 2)], subtotal ?? new OrderAmount(1000), new OrderCharge(new OrderAmount(100)))
            {
                Shipping = new OrderCharge(new OrderAmount(100)),
                ExpiresAt = expirationDescription is null ? null : DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
                ExpirationDescription = expirationDescription,
            })
        {
            PaymentSettings = settings ?? [OrderPaymentSetting.PaymentGateway("razorpay", "my-config")],
        };
}
