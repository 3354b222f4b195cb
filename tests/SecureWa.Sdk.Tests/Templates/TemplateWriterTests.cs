using System.Text;
using System.Text.Json.Nodes;
using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Templates.Internal;

namespace SecureWa.Sdk.Tests.Templates;

/// <summary>The definitions serialize to the request bodies Meta documents (sources named per test).</summary>
public sealed class TemplateWriterTests
{
    private const string DocumentHandle = "4::YXBwbGljYXRpb24vcGRm:ARZVv4zuogJMxmAdS3_6T4o_K4ll2806avA7rWpikisTzYPsXXUeKk0REjS-hIM1rYrizHD7rQXj951TKgUFblgd_BDWVROCwRkg9Vhjj-cHNQ:e:1681237341:634974688087057:100089620928913:ARa1ZDhwbLZM3EENeeg";

    [Fact]
    public void Create_DocumentHeaderPhoneAndUrlButtons_MatchesOpenApiExample()
    {
        // facebook/openapi business-messaging-api_v23.0.yaml, POST /{WABA-ID}/message_templates, example
        // "Create template w/ document header, text body, a phone number button, and a URL button".
        var definition = new TemplateDefinition("order_confirmation", "en_US", TemplateCategory.Utility,
            TemplateHeaderDefinition.Document(DocumentHandle),
            new TemplateBodyDefinition("Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!", "Mark", "860198-230332"),
            new TemplateButtonsDefinition(new TemplatePhoneNumberButton("Call", "16467043595"), new TemplateUrlButton("Contact Support", "https://www.examplesite.com/support")));

        TemplateValidator.Validate(definition);
        AssertJson($$$"""
            {"category":"UTILITY","components":[
              {"example":{"header_handle":["{{{DocumentHandle}}}"]},"format":"DOCUMENT","type":"HEADER"},
              {"example":{"body_text":[["Mark","860198-230332"]]},"text":"Thank you for your order, {{1}}! Your order number is {{2}}. Tap the PDF linked above to view your receipt. If you have any questions, please use the buttons below to contact support. Thanks again!","type":"BODY"},
              {"buttons":[{"phone_number":"16467043595","text":"Call","type":"PHONE_NUMBER"},{"text":"Contact Support","type":"URL","url":"https://www.examplesite.com/support"}],"type":"BUTTONS"}],
             "language":"en_US","name":"order_confirmation"}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_TextHeaderAndQuickReplies_MatchesOpenApiExample()
    {
        // facebook/openapi v23.0, POST /{WABA-ID}/message_templates, "Create template w/ text header, text body, text footer, and 2 quick reply buttons".
        var definition = new TemplateDefinition("seasonal_promotion_text_only", "en", TemplateCategory.Marketing,
            TemplateHeaderDefinition.FromText("Our {{1}} is on!", "Summer Sale"),
            new TemplateBodyDefinition("Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.", "the end of August", "25OFF", "25%"),
            new TemplateFooterDefinition("Use the buttons below to manage your marketing subscriptions"),
            new TemplateButtonsDefinition(new TemplateQuickReplyButton("Unsubcribe from Promos"), new TemplateQuickReplyButton("Unsubscribe from All")));

        TemplateValidator.Validate(definition);
        AssertJson("""
            {"category":"MARKETING","components":[
              {"example":{"header_text":["Summer Sale"]},"format":"TEXT","text":"Our {{1}} is on!","type":"HEADER"},
              {"example":{"body_text":[["the end of August","25OFF","25%"]]},"text":"Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.","type":"BODY"},
              {"text":"Use the buttons below to manage your marketing subscriptions","type":"FOOTER"},
              {"buttons":[{"text":"Unsubcribe from Promos","type":"QUICK_REPLY"},{"text":"Unsubscribe from All","type":"QUICK_REPLY"}],"type":"BUTTONS"}],
             "language":"en","name":"seasonal_promotion_text_only"}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_AuthenticationOneTap_MatchesPywaExample()
    {
        // david-lev/pywa tests/data/templates/authentication/examples.json, "authentication_code_autofill_button" (one app).
        var definition = new TemplateDefinition("authentication_code_autofill_button", "en_US", TemplateCategory.Authentication,
            TemplateBodyDefinition.Authentication(),
            TemplateFooterDefinition.Authentication(10),
            new TemplateButtonsDefinition(new TemplateOtpButton(TemplateOtpType.OneTap, "Copy Code")
            {
                AutofillText = "Autofill",
                SupportedApps = [new TemplateOtpSupportedApp("com.example.luckyshrub", "K8a/AINcGX7")],
            }))
        { MessageSendTtlSeconds = 60 };

        TemplateValidator.Validate(definition);
        AssertJson("""
            {"name":"authentication_code_autofill_button","language":"en_US","category":"AUTHENTICATION","message_send_ttl_seconds":60,
             "components":[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":10},
               {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","text":"Copy Code","autofill_text":"Autofill",
                 "supported_apps":[{"package_name":"com.example.luckyshrub","signature_hash":"K8a/AINcGX7"}]}]}]}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_ZeroTap_WritesTermsAccepted()
    {
        // pywa examples.json, "zero_tap_auth_template".
        var definition = new TemplateDefinition("zero_tap_auth_template", "en_US", TemplateCategory.Authentication,
            TemplateBodyDefinition.Authentication(),
            TemplateFooterDefinition.Authentication(5),
            new TemplateButtonsDefinition(new TemplateOtpButton(TemplateOtpType.ZeroTap, "Copy Code")
            {
                AutofillText = "Autofill",
                ZeroTapTermsAccepted = true,
                SupportedApps = [new TemplateOtpSupportedApp("com.example.luckyshrub", "K8a/AINcGX7")],
            }))
        { MessageSendTtlSeconds = 60 };

        TemplateValidator.Validate(definition);
        AssertJson("""
            {"name":"zero_tap_auth_template","language":"en_US","category":"AUTHENTICATION","message_send_ttl_seconds":60,
             "components":[{"type":"BODY","add_security_recommendation":true},{"type":"FOOTER","code_expiration_minutes":5},
               {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP","text":"Copy Code","autofill_text":"Autofill","zero_tap_terms_accepted":true,
                 "supported_apps":[{"package_name":"com.example.luckyshrub","signature_hash":"K8a/AINcGX7"}]}]}]}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_LimitedTimeOffer_MatchesPywaExample()
    {
        // pywa tests/data/templates/limited_time_offer/examples.json, "limited_time_offer_caribbean_pkg_2023".
        var definition = new TemplateDefinition("limited_time_offer_caribbean_pkg_2023", "en_US", TemplateCategory.Marketing,
            TemplateHeaderDefinition.Image("4::aW..."),
            new TemplateLimitedTimeOfferDefinition("Expiring offer!", hasExpiration: true),
            new TemplateBodyDefinition("Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!", "Pablo", "CARIBE25"),
            new TemplateButtonsDefinition(new TemplateCopyCodeButton("CARIBE25"), new TemplateUrlButton("Book now!", "https://awesomedestinations.com/offers?code={{1}}", "https://awesomedestinations.com/offers?ref=n3mtql")));

        TemplateValidator.Validate(definition);
        AssertJson("""
            {"name":"limited_time_offer_caribbean_pkg_2023","language":"en_US","category":"MARKETING","components":[
              {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW..."]}},
              {"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Expiring offer!","has_expiration":true}},
              {"type":"BODY","text":"Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!","example":{"body_text":[["Pablo","CARIBE25"]]}},
              {"type":"BUTTONS","buttons":[{"type":"COPY_CODE","example":"CARIBE25"},{"type":"URL","text":"Book now!","url":"https://awesomedestinations.com/offers?code={{1}}","example":["https://awesomedestinations.com/offers?ref=n3mtql"]}]}]}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_Carousel_WritesCardsWithComponents()
    {
        // pywa tests/data/templates/carousel/examples.json, "carousel_template_media_cards_v1" (first card).
        var card = new TemplateCarouselCard(
            TemplateHeaderDefinition.Image("4::an..."),
            new TemplateBodyDefinition("Add a touch of elegance to your collection with the beautiful Aloe 'Blue Elf' succulent."),
            new TemplateQuickReplyButton("Send me more like this!"),
            new TemplateUrlButton("Shop", "https://www.luckyshrub.com/rare-succulents/{{1}}", "BLUE_ELF"));
        var definition = new TemplateDefinition("carousel_template_media_cards_v1", "en_US", TemplateCategory.Marketing,
            new TemplateBodyDefinition("Rare succulents for sale! {{1}}, add these unique plants to your collection.", "Pablo"),
            new TemplateCarouselDefinition(card, card));

        TemplateValidator.Validate(definition);
        var cardJson = """
            {"components":[{"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::an..."]}},
              {"type":"BODY","text":"Add a touch of elegance to your collection with the beautiful Aloe 'Blue Elf' succulent."},
              {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Send me more like this!"},{"type":"URL","text":"Shop","url":"https://www.luckyshrub.com/rare-succulents/{{1}}","example":["BLUE_ELF"]}]}]}
            """;
        AssertJson($$$"""
            {"name":"carousel_template_media_cards_v1","language":"en_US","category":"MARKETING","components":[
              {"type":"BODY","text":"Rare succulents for sale! {{1}}, add these unique plants to your collection.","example":{"body_text":[["Pablo"]]}},
              {"type":"CAROUSEL","cards":[{{{cardJson}}},{{{cardJson}}}]}]}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_NamedParameters_WritesParameterFormatAndNamedExamples()
    {
        var definition = new TemplateDefinition("order_named", "en_US", TemplateCategory.Utility,
            TemplateHeaderDefinition.FromText("Order for {{first_name}}", new TemplateNamedExample("first_name", "Pablo")),
            new TemplateBodyDefinition("Thanks {{first_name}}, order {{order_id}} is confirmed.", [new TemplateNamedExample("first_name", "Pablo"), new TemplateNamedExample("order_id", "860198")]))
        { ParameterFormat = TemplateParameterFormat.Named };

        TemplateValidator.Validate(definition);
        AssertJson("""
            {"name":"order_named","language":"en_US","category":"UTILITY","parameter_format":"NAMED","components":[
              {"type":"HEADER","format":"TEXT","text":"Order for {{first_name}}","example":{"header_text_named_params":[{"param_name":"first_name","example":"Pablo"}]}},
              {"type":"BODY","text":"Thanks {{first_name}}, order {{order_id}} is confirmed.","example":{"body_text_named_params":[{"param_name":"first_name","example":"Pablo"},{"param_name":"order_id","example":"860198"}]}}]}
            """, TemplateWriter.Create(definition));
    }

    [Fact]
    public void Create_FlowCatalogMpmLocation_WriteDocumentedShapes()
    {
        // facebook/openapi v23.0: "Create Flow Template Message by ID", "Create multi-product message template", "... location header ...".
        var flow = new TemplateDefinition("flow_offer", "en_US", TemplateCategory.Marketing,
            new TemplateBodyDefinition("Check out this new offer"),
            new TemplateButtonsDefinition(new TemplateFlowButton("Check out this offer!") { FlowId = "1234567890", NavigateScreen = "WELCOME_SCREEN" }));
        var mpm = new TemplateDefinition("abandoned_cart", "en_US", TemplateCategory.Marketing,
            TemplateHeaderDefinition.FromText("Forget something {{1}}?", "Pablo"),
            new TemplateBodyDefinition("Looks like you left some items in your cart! Use code {{1}} and you can get 10% off of all of them!", "10OFF"),
            new TemplateButtonsDefinition(new TemplateMultiProductButton("View items")));
        var location = new TemplateDefinition("order_delivery_update", "en_US", TemplateCategory.Utility,
            TemplateHeaderDefinition.Location(),
            new TemplateBodyDefinition("Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!", "Mark", "566701"),
            new TemplateButtonsDefinition(new TemplateQuickReplyButton("Stop Delivery Updates")));
        var catalog = new TemplateDefinition("intro_catalog_offer", "en_US", TemplateCategory.Marketing,
            new TemplateBodyDefinition("Now shop for your favourite products right here on WhatsApp!"),
            new TemplateButtonsDefinition(new TemplateCatalogButton("View catalog")));

        foreach (var d in new[] { flow, mpm, location, catalog })
        {
            TemplateValidator.Validate(d);
        }

        AssertJson("""{"name":"flow_offer","language":"en_US","category":"MARKETING","components":[{"type":"BODY","text":"Check out this new offer"},{"type":"BUTTONS","buttons":[{"type":"FLOW","text":"Check out this offer!","flow_id":"1234567890","flow_action":"navigate","navigate_screen":"WELCOME_SCREEN"}]}]}""", TemplateWriter.Create(flow));
        AssertJson("""{"name":"abandoned_cart","language":"en_US","category":"MARKETING","components":[{"type":"HEADER","format":"TEXT","text":"Forget something {{1}}?","example":{"header_text":["Pablo"]}},{"type":"BODY","text":"Looks like you left some items in your cart! Use code {{1}} and you can get 10% off of all of them!","example":{"body_text":[["10OFF"]]}},{"type":"BUTTONS","buttons":[{"type":"MPM","text":"View items"}]}]}""", TemplateWriter.Create(mpm));
        AssertJson("""{"name":"order_delivery_update","language":"en_US","category":"UTILITY","components":[{"type":"HEADER","format":"LOCATION"},{"type":"BODY","text":"Good news {{1}}! Your order #{{2}} is on its way to the location above. Thank you for your order!","example":{"body_text":[["Mark","566701"]]}},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop Delivery Updates"}]}]}""", TemplateWriter.Create(location));
        AssertJson("""{"name":"intro_catalog_offer","language":"en_US","category":"MARKETING","components":[{"type":"BODY","text":"Now shop for your favourite products right here on WhatsApp!"},{"type":"BUTTONS","buttons":[{"type":"CATALOG","text":"View catalog"}]}]}""", TemplateWriter.Create(catalog));
    }

    [Fact]
    public void Edit_CategoryAndComponents_WritesOnlyThem()
    {
        var edit = new TemplateEdit
        {
            Category = TemplateCategory.Marketing,
            Components = [new TemplateBodyDefinition("Hi {{1}}, our Fall Sale is on!", "Mark")],
        };

        TemplateValidator.Validate(edit);
        AssertJson("""{"category":"MARKETING","components":[{"type":"BODY","text":"Hi {{1}}, our Fall Sale is on!","example":{"body_text":[["Mark"]]}}]}""", TemplateWriter.Edit(edit));
    }

    internal static void AssertJson(string expected, byte[] actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), "Expected " + expectedNode?.ToJsonString() + "\nActual   " + Encoding.UTF8.GetString(actual));
    }
}
