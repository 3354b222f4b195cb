using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Templates.Internal;

namespace SecureWa.Sdk.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static readonly TemplateBodyDefinition Body = new("Hi {{1}}, your order has shipped.", "Pablo");

    public static TheoryData<string, string, string?> InvalidDefinitions() => new()
    {
        // name, field (prefix), expected limit
        { "Uppercase name", "name", null },
        { "Name with dash", "name", null },
        { "Name too long", "name", "512" },
        { "Empty name", "name", null },
        { "Bad language", "language", "15" },
        { "Unknown category", "category", null },
        { "No body", "components", null },
        { "Two bodies", "components[1]", "1" },
        { "Skipped variable", "components[0].text", null },
        { "Missing example", "components[0].example.body_text", "2" },
        { "Extra example", "components[0].example.body_text", "1" },
        { "Body starts with variable", "components[0].text", null },
        { "Adjacent variables", "components[0].text", null },
        { "Body too long", "components[0].text", "1024" },
        { "Named variable in positional template", "components[0].text", null },
        { "Positional variable in named template", "components[0].text", null },
        { "Named variable without example", "components[0].example.body_text_named_params", "2" },
        { "Malformed variable", "components[0].text", null },
        { "Header text too long", "components[0].text", "60" },
        { "Header with two variables", "components[0].text", "1" },
        { "Header variable without example", "components[0].example.header_text", null },
        { "Media header without handle", "components[0].example.header_handle", null },
        { "Footer with variable", "components[1].text", null },
        { "Footer too long", "components[1].text", "60" },
        { "Eleven buttons", "components[1].buttons", "10" },
        { "Three URL buttons", "components[1].buttons", "2" },
        { "Button label too long", "components[1].buttons[0].text", "25" },
        { "URL variable not at end", "components[1].buttons[0].url", null },
        { "URL variable without example", "components[1].buttons[0].example", null },
        { "URL not https", "components[1].buttons[0].url", null },
        { "Phone number with letters", "components[1].buttons[0].phone_number", null },
        { "Copy code example too long", "components[1].buttons[0].example", "15" },
        { "Flow button with id and name", "components[1].buttons[0]", null },
        { "OTP button in marketing template", "components[1].buttons[0]", null },
        { "Authentication body with text", "components[0].text", null },
        { "Authentication without OTP", "components[1].buttons", "1" },
        { "Authentication expiry over 90", "components[1].code_expiration_minutes", "90" },
        { "One tap without apps", "components[2].buttons[0].supported_apps", "5" },
        { "Zero tap without terms", "components[2].buttons[0].zero_tap_terms_accepted", null },
        { "Signature hash wrong length", "components[2].buttons[0].supported_apps[0].signature_hash", "11" },
        { "Carousel with header", "components[2]", null },
        { "Carousel of eleven cards", "components[1].cards", "10" },
        { "Carousel with mixed header formats", "components[1].cards[1].components[0].format", null },
        { "Carousel card body too long", "components[1].cards[0].components[1].text", "160" },
        { "Carousel cards with different buttons", "components[1].cards[1].components[2].buttons", null },
        { "Offer text too long", "components[0].limited_time_offer.text", "16" },
        { "Offer in utility template", "components[0]", null },
        { "Offer with footer", "components", null },
        { "Offer with expiry but no copy code", "components[0].limited_time_offer.has_expiration", null },
        { "TTL too long for authentication", "message_send_ttl_seconds", "900" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void Validate_BrokenRule_ThrowsNamingFieldAndLimit(string name, string field, string? limit)
    {
        var definition = Build(name);

        var ex = Assert.Throws<WhatsAppValidationException>(() => TemplateValidator.Validate(definition));

        Assert.Equal(field, ex.Field);
        Assert.Equal(limit, ex.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Validate_MessageNeverContainsTheText()
    {
        const string Secretish = "Call 16505551234 about {{2}}";
        var ex = Assert.Throws<WhatsAppValidationException>(() => TemplateValidator.Validate(new TemplateDefinition("x", "en", TemplateCategory.Utility, new TemplateBodyDefinition(Secretish, "a"))));

        Assert.DoesNotContain("16505551234", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("order_update_2")]
    [InlineData("2023_april_promo")]
    public void ValidateName_Documented_Passes(string name) => TemplateValidator.ValidateName(name, "name");

    [Fact]
    public void Validate_RepeatedPositionalVariable_NeedsOneExamplePerNumber()
    {
        TemplateValidator.Validate(new TemplateDefinition("x", "en_US", TemplateCategory.Utility, new TemplateBodyDefinition("Hi {{1}}, yes {{1}}: {{2}}.", "a", "b")));
    }

    [Fact]
    public void Validate_EditWithoutChanges_Throws()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => TemplateValidator.Validate(new TemplateEdit()));

        Assert.Equal("components", ex.Field);
    }

    private static TemplateDefinition Build(string name)
    {
        static TemplateDefinition Marketing(params TemplateDefinitionComponent[] components) => new("promo", "en_US", TemplateCategory.Marketing, components);
        static TemplateDefinition Auth(params TemplateDefinitionComponent[] components) => new("otp", "en_US", TemplateCategory.Authentication, components);
        static TemplateButtonsDefinition Buttons(params TemplateButtonDefinition[] buttons) => new(buttons);
        var app = new TemplateOtpSupportedApp("com.example.app", "K8a/AINcGX7");
        var card = new TemplateCarouselCard(TemplateHeaderDefinition.Image("h"), null, new TemplateQuickReplyButton("More"));
        return name switch
        {
            "Uppercase name" => new("Promo", "en_US", TemplateCategory.Marketing, Body),
            "Name with dash" => new("promo-1", "en_US", TemplateCategory.Marketing, Body),
            "Name too long" => new(new string('a', 513), "en_US", TemplateCategory.Marketing, Body),
            "Empty name" => new(string.Empty, "en_US", TemplateCategory.Marketing, Body),
            "Bad language" => new("promo", "english", TemplateCategory.Marketing, Body),
            "Unknown category" => new("promo", "en_US", new TemplateCategory("ACCOUNT_UPDATE"), Body),
            "No body" => Marketing(new TemplateFooterDefinition("f")),
            "Two bodies" => Marketing(Body, Body),
            "Skipped variable" => Marketing(new TemplateBodyDefinition("Hi {{1}} and {{3}}.", "a", "b")),
            "Missing example" => Marketing(new TemplateBodyDefinition("Hi {{1}} and {{2}}.", "a")),
            "Extra example" => Marketing(new TemplateBodyDefinition("Hi {{1}}.", "a", "b")),
            "Body starts with variable" => Marketing(new TemplateBodyDefinition("{{1}}, hi.", "a")),
            "Adjacent variables" => Marketing(new TemplateBodyDefinition("Hi {{1}} {{2}} there.", "a", "b")),
            "Body too long" => Marketing(new TemplateBodyDefinition(new string('x', 1025))),
            "Named variable in positional template" => Marketing(new TemplateBodyDefinition("Hi {{name}}.", "a")),
            "Positional variable in named template" => new("promo", "en_US", TemplateCategory.Marketing, new TemplateBodyDefinition("Hi {{1}}.", [new TemplateNamedExample("x", "y")])) { ParameterFormat = TemplateParameterFormat.Named },
            "Named variable without example" => new("promo", "en_US", TemplateCategory.Marketing, new TemplateBodyDefinition("Hi {{first}} and {{last}}.", [new TemplateNamedExample("first", "y")])) { ParameterFormat = TemplateParameterFormat.Named },
            "Malformed variable" => Marketing(new TemplateBodyDefinition("Hi {{1}.")),
            "Header text too long" => Marketing(TemplateHeaderDefinition.FromText(new string('h', 61)), Body),
            "Header with two variables" => Marketing(TemplateHeaderDefinition.FromText("{{1}} {{2}}", "a"), Body),
            "Header variable without example" => Marketing(TemplateHeaderDefinition.FromText("Hello {{1}}"), Body),
            "Media header without handle" => Marketing(TemplateHeaderDefinition.Image(" "), Body),
            "Footer with variable" => Marketing(Body, new TemplateFooterDefinition("Bye {{1}}")),
            "Footer too long" => Marketing(Body, new TemplateFooterDefinition(new string('f', 61))),
            "Eleven buttons" => Marketing(Body, Buttons(Enumerable.Range(0, 11).Select(i => (TemplateButtonDefinition)new TemplateQuickReplyButton("b" + i)).ToArray())),
            "Three URL buttons" => Marketing(Body, Buttons(new TemplateUrlButton("a", "https://a.example"), new TemplateUrlButton("b", "https://b.example"), new TemplateUrlButton("c", "https://c.example"))),
            "Button label too long" => Marketing(Body, Buttons(new TemplateQuickReplyButton(new string('b', 26)))),
            "URL variable not at end" => Marketing(Body, Buttons(new TemplateUrlButton("a", "https://a.example/{{1}}/x", "1"))),
            "URL variable without example" => Marketing(Body, Buttons(new TemplateUrlButton("a", "https://a.example/{{1}}"))),
            "URL not https" => Marketing(Body, Buttons(new TemplateUrlButton("a", "ftp://a.example/"))),
            "Phone number with letters" => Marketing(Body, Buttons(new TemplatePhoneNumberButton("Call", "+1650CALLME"))),
            "Copy code example too long" => Marketing(Body, Buttons(new TemplateCopyCodeButton(new string('C', 16)))),
            "Flow button with id and name" => Marketing(Body, Buttons(new TemplateFlowButton("Go") { FlowId = "1", FlowName = "n", NavigateScreen = "S" })),
            "OTP button in marketing template" => Marketing(Body, Buttons(new TemplateOtpButton(TemplateOtpType.CopyCode))),
            "Authentication body with text" => Auth(new TemplateBodyDefinition("Your code"), Buttons(new TemplateOtpButton(TemplateOtpType.CopyCode))),
            "Authentication without OTP" => Auth(TemplateBodyDefinition.Authentication(), Buttons(new TemplateQuickReplyButton("No"))),
            "Authentication expiry over 90" => Auth(TemplateBodyDefinition.Authentication(), TemplateFooterDefinition.Authentication(91), Buttons(new TemplateOtpButton(TemplateOtpType.CopyCode))),
            "One tap without apps" => Auth(TemplateBodyDefinition.Authentication(), TemplateFooterDefinition.Authentication(5), Buttons(new TemplateOtpButton(TemplateOtpType.OneTap))),
            "Zero tap without terms" => Auth(TemplateBodyDefinition.Authentication(), TemplateFooterDefinition.Authentication(5), Buttons(new TemplateOtpButton(TemplateOtpType.ZeroTap) { SupportedApps = [app] })),
            "Signature hash wrong length" => Auth(TemplateBodyDefinition.Authentication(), TemplateFooterDefinition.Authentication(5), Buttons(new TemplateOtpButton(TemplateOtpType.OneTap) { SupportedApps = [new TemplateOtpSupportedApp("com.example.app", "short")] })),
            "Carousel with header" => Marketing(TemplateHeaderDefinition.FromText("Hi"), Body, new TemplateCarouselDefinition(card)),
            "Carousel of eleven cards" => Marketing(Body, new TemplateCarouselDefinition(Enumerable.Repeat(card, 11).ToArray())),
            "Carousel with mixed header formats" => Marketing(Body, new TemplateCarouselDefinition(card, new TemplateCarouselCard(TemplateHeaderDefinition.Video("v"), null, new TemplateQuickReplyButton("More")))),
            "Carousel card body too long" => Marketing(Body, new TemplateCarouselDefinition(new TemplateCarouselCard(TemplateHeaderDefinition.Image("h"), new TemplateBodyDefinition(new string('c', 161)), new TemplateQuickReplyButton("More")))),
            "Carousel cards with different buttons" => Marketing(Body, new TemplateCarouselDefinition(
                new TemplateCarouselCard(TemplateHeaderDefinition.Image("h"), new TemplateBodyDefinition("Card one."), new TemplateQuickReplyButton("More")),
                new TemplateCarouselCard(TemplateHeaderDefinition.Image("h"), new TemplateBodyDefinition("Card two."), new TemplateUrlButton("Shop", "https://shop.example")))),
            "Offer text too long" => Marketing(new TemplateLimitedTimeOfferDefinition(new string('o', 17), false), Body),
            "Offer in utility template" => new("promo", "en_US", TemplateCategory.Utility, new TemplateLimitedTimeOfferDefinition("Offer", false), Body),
            "Offer with footer" => Marketing(new TemplateLimitedTimeOfferDefinition("Offer", false), Body, new TemplateFooterDefinition("f")),
            "Offer with expiry but no copy code" => Marketing(new TemplateLimitedTimeOfferDefinition("Offer", true), Body),
            "TTL too long for authentication" => new("otp", "en_US", TemplateCategory.Authentication, TemplateBodyDefinition.Authentication(), new TemplateButtonsDefinition(new TemplateOtpButton(TemplateOtpType.CopyCode))) { MessageSendTtlSeconds = 901 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
