using System.Text.Json.Nodes;
using SecureWa.Sdk.Messages;
using static SecureWa.Sdk.Tests.Messages.MessageJson;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>
/// Carousel, limited-time offer, copy code, catalog, flow, location header, named, authentication and full
/// date_time template parts serialize to Meta's published send bodies. "OpenAPI" is facebook/openapi,
/// business-messaging-api_v23.0.yaml, /{Version}/{Phone-Number-ID}/messages requestBody examples.
/// </summary>
public class TemplateExtensionSerializationTests
{
    private const string To = "+16505551234";

    [Fact]
    public void CatalogButton_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Catalog Template Message". Meta writes index as the number 0 in this one example and
        // as the string "0" in the others (and in the reference); the SDK always writes the string.
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"components":[
                {"parameters":[{"text":"100","type":"text"},{"text":"400","type":"text"},{"text":"3","type":"text"}],"type":"body"},
                {"index":"0","parameters":[{"action":{"thumbnail_product_retailer_id":"2lc20305pt"},"type":"action"}],"sub_type":"CATALOG","type":"button"}],
               "language":{"code":"en_US"},"name":"intro_catalog_offer"}}
            """,
            new TemplateMessage(To, "intro_catalog_offer", "en_US")
            {
                Components =
                [
                    TemplateComponent.Body(TemplateParameter.Text("100"), TemplateParameter.Text("400"), TemplateParameter.Text("3")),
                    TemplateComponent.CatalogButton(0, "2lc20305pt"),
                ],
            });
    }

    [Fact]
    public void CatalogButton_WithoutThumbnail_HasNoParameters()
    {
        var node = Serialize(new TemplateMessage(To, "catalog", "en") { Components = [TemplateComponent.CatalogButton(0)] });
        AssertJsonEquals("""{"type":"button","sub_type":"CATALOG","index":"0"}""", node["template"]!["components"]![0]);
    }

    [Fact]
    public void FlowButton_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Flow Template Message" (recipient_type added: the SDK always sends it).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"components":[{"index":"0","parameters":[{"action":{"flow_action_data":{"CUSTOM_KEY":"CUSTOM_VALUE"},"flow_token":"FLOW_TOKEN"},"type":"action"}],
                "sub_type":"flow","type":"button"}],"language":{"code":"en_US"},"name":"template_name"}}
            """,
            new TemplateMessage(To, "template_name", "en_US")
            {
                Components = [TemplateComponent.FlowButton(0, "FLOW_TOKEN", new JsonObject { ["CUSTOM_KEY"] = "CUSTOM_VALUE" })],
            });
    }

    [Fact]
    public void DateTimeFullForm_MetaExample_MatchesPublishedBody()
    {
        // OpenAPI example "Send Message Template Text": date_time with calendar, day_of_month, day_of_week,
        // fallback_value, hour, minute, month, year.
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"components":[{"parameters":[
                {"text":"text-string","type":"text"},
                {"currency":{"amount_1000":100990,"code":"USD","fallback_value":"$100.99"},"type":"currency"},
                {"date_time":{"calendar":"GREGORIAN","day_of_month":25,"day_of_week":5,"fallback_value":"February 25, 1977","hour":15,"minute":33,"month":2,"year":1977},"type":"date_time"}],
                "type":"body"}],"language":{"code":"en_US"},"name":"template_name"}}
            """,
            new TemplateMessage(To, "template_name", "en_US")
            {
                Components =
                [
                    TemplateComponent.Body(
                        TemplateParameter.Text("text-string"),
                        TemplateParameter.Currency("$100.99", "USD", 100990),
                        TemplateParameter.DateTime(TemplateDateTime.From(new DateTime(1977, 2, 25, 15, 33, 0), "February 25, 1977"))),
                ],
            });
    }

    [Fact]
    public void DateTimeFallbackOnly_WritesOnlyFallbackValue()
    {
        var node = Serialize(new TemplateMessage(To, "t", "en") { Components = [TemplateComponent.Body(TemplateParameter.DateTime(new TemplateDateTime("Tomorrow")))] });
        AssertJsonEquals("""{"type":"date_time","date_time":{"fallback_value":"Tomorrow"}}""", node["template"]!["components"]![0]!["parameters"]![0]);
    }

    [Fact]
    public void Carousel_MetaSendShape_MatchesPublishedBody()
    {
        // Meta, "Media card carousel templates", send example (developers.facebook.com/documentation/business-messaging/
        // whatsapp/templates/marketing-templates/media-card-carousel-templates): a body, then a carousel component whose
        // cards carry card_index and components (image header, body, quick_reply and url buttons).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"summer_carousel_promo_2023","language":{"code":"en_US"},"components":[
               {"type":"body","parameters":[{"type":"text","text":"20OFF"},{"type":"text","text":"20%"}]},
               {"type":"carousel","cards":[
                 {"card_index":0,"components":[
                   {"type":"header","parameters":[{"type":"image","image":{"id":"24230790383178626"}}]},
                   {"type":"body","parameters":[{"type":"text","text":"10OFF"},{"type":"text","text":"10%"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"59NqSd"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"last_chance_2023"}]}]},
                 {"card_index":1,"components":[
                   {"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/card2.mp4"}}]},
                   {"type":"body","parameters":[{"type":"text","text":"15OFF"},{"type":"text","text":"15%"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"7C4xhY"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"summer_2023"}]}]}]}]}}
            """,
            CarouselExample(To));
    }

    internal static TemplateMessage CarouselExample(string to) => new(to, "summer_carousel_promo_2023", "en_US")
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
                    TemplateComponent.Header(TemplateParameter.Video(MediaSource.FromLink("https://cdn.example.com/card2.mp4"))),
                    TemplateComponent.Body(TemplateParameter.Text("15OFF"), TemplateParameter.Text("15%")),
                    TemplateComponent.QuickReplyButton(0, "7C4xhY"),
                    TemplateComponent.UrlButton(1, "summer_2023"))),
        ],
    };

    [Fact]
    public void ProductCarousel_MetaSendShape_WritesProductHeaders()
    {
        // Meta, "Product card carousel templates", send example: each card's header is a product parameter
        // {"type":"product","product":{"product_retailer_id":…,"catalog_id":…}}.
        var node = Serialize(new TemplateMessage(To, "product_carousel", "en_US")
        {
            Components =
            [
                TemplateComponent.Carousel(
                    new TemplateCarouselCard(0, TemplateComponent.Header(TemplateParameter.Product("194836987003835", "2lc20305pt"))),
                    new TemplateCarouselCard(1, TemplateComponent.Header(TemplateParameter.Product("194836987003835", "nhp5hq4mlz")))),
            ],
        });

        AssertJsonEquals(
            """
            {"type":"carousel","cards":[
              {"card_index":0,"components":[{"type":"header","parameters":[{"type":"product","product":{"product_retailer_id":"2lc20305pt","catalog_id":"194836987003835"}}]}]},
              {"card_index":1,"components":[{"type":"header","parameters":[{"type":"product","product":{"product_retailer_id":"nhp5hq4mlz","catalog_id":"194836987003835"}}]}]}]}
            """,
            node["template"]!["components"]![0]);
    }

    [Fact]
    public void LimitedTimeOfferWithCopyCode_MetaSendShape_MatchesPublishedBody()
    {
        // Meta, "Limited-time offer templates", send example (developers.facebook.com/documentation/business-messaging/
        // whatsapp/templates/marketing-templates/limited-time-offer-templates): image header, limited_time_offer with
        // expiration_time_ms (unix milliseconds), copy_code button with coupon_code, url button.
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"limited_time_offer_caribbean_pkg_2023","language":{"code":"en_US"},"components":[
               {"type":"header","parameters":[{"type":"image","image":{"id":"1602186516975157"}}]},
               {"type":"body","parameters":[{"type":"text","text":"Pablo"},{"type":"text","text":"CARIBE25"}]},
               {"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":1209600000}}]},
               {"type":"button","sub_type":"copy_code","index":"0","parameters":[{"type":"coupon_code","coupon_code":"CARIBE25"}]},
               {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"n3mtql"}]}]}}
            """,
            new TemplateMessage(To, "limited_time_offer_caribbean_pkg_2023", "en_US")
            {
                Components =
                [
                    TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromId("1602186516975157"))),
                    TemplateComponent.Body(TemplateParameter.Text("Pablo"), TemplateParameter.Text("CARIBE25")),
                    TemplateComponent.LimitedTimeOffer(DateTimeOffset.FromUnixTimeMilliseconds(1209600000)),
                    TemplateComponent.CopyCodeButton(0, "CARIBE25"),
                    TemplateComponent.UrlButton(1, "n3mtql"),
                ],
            });
    }

    [Fact]
    public void LocationHeader_WritesLocationParameter()
    {
        // Meta, "Location headers" in template messages: {"type":"location","location":{latitude,longitude,name,address}}.
        // Meta's page writes the coordinates as strings; like LocationMessage (and pywa) the SDK writes numbers.
        var node = Serialize(new TemplateMessage(To, "order_pickup", "en_US")
        {
            Components = [TemplateComponent.Header(TemplateParameter.Location(37.483307, 122.148981, "Pablo Morales", "1 Hacker Way, Menlo Park, CA 94025"))],
        });

        AssertJsonEquals(
            """
            {"type":"header","parameters":[{"type":"location","location":{"latitude":37.483307,"longitude":122.148981,"name":"Pablo Morales","address":"1 Hacker Way, Menlo Park, CA 94025"}}]}
            """,
            node["template"]!["components"]![0]);
    }

    [Fact]
    public void NamedParameters_WriteParameterName()
    {
        // Meta, "Send template messages", named parameters: {"type":"text","parameter_name":"first_name","text":"Jessica"}.
        var node = Serialize(new TemplateMessage(To, "order_confirmation", "en_US")
        {
            Components = [TemplateComponent.Body(TemplateParameter.Text("Jessica", "first_name"), TemplateParameter.Text("SKBUP2-4CPIG9", "order_number"))],
        });

        AssertJsonEquals(
            """
            {"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Jessica"},{"type":"text","parameter_name":"order_number","text":"SKBUP2-4CPIG9"}]}
            """,
            node["template"]!["components"]![0]);
    }

    [Fact]
    public void ForOneTimePassword_MetaExample_MatchesPublishedBody()
    {
        // Meta, "Authentication templates", sending (copy code and one-tap share it): the code is the body parameter
        // and the url button's parameter at index 0; Meta's example code is J$FpnYnP. pywa sends the same shape.
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"template",
             "template":{"name":"verification_code","language":{"code":"en_US"},"components":[
               {"type":"body","parameters":[{"type":"text","text":"J$FpnYnP"}]},
               {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"J$FpnYnP"}]}]}}
            """,
            TemplateMessage.ForOneTimePassword(To, "verification_code", "en_US", "J$FpnYnP"));
    }
}
