using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of <c>template</c>.</summary>
internal sealed class TemplateDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("language")]
    public TemplateLanguageDto? Language { get; set; }

    [JsonPropertyName("components")]
    public List<TemplateComponentDto>? Components { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of <c>template.language</c>.</summary>
internal sealed class TemplateLanguageDto
{
    [JsonPropertyName("policy")]
    public string? Policy { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }
}

/// <summary>Wire shape of a template component.</summary>
internal sealed class TemplateComponentDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("sub_type")]
    public string? SubType { get; set; }

    [JsonPropertyName("index")]
    public string? Index { get; set; }

    [JsonPropertyName("parameters")]
    public List<TemplateParameterDto>? Parameters { get; set; }

    [JsonPropertyName("cards")]
    public List<TemplateCardDto>? Cards { get; set; }
}

/// <summary>Wire shape of a carousel card.</summary>
internal sealed class TemplateCardDto
{
    [JsonPropertyName("card_index")]
    public int CardIndex { get; set; }

    [JsonPropertyName("components")]
    public List<TemplateComponentDto>? Components { get; set; }
}

/// <summary>Wire shape of a template parameter; the property named by <see cref="Type"/> is set.</summary>
internal sealed class TemplateParameterDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("parameter_name")]
    public string? ParameterName { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("currency")]
    public CurrencyDto? Currency { get; set; }

    [JsonPropertyName("date_time")]
    public DateTimeDto? DateTime { get; set; }

    [JsonPropertyName("image")]
    public MediaObjectDto? Image { get; set; }

    [JsonPropertyName("document")]
    public MediaObjectDto? Document { get; set; }

    [JsonPropertyName("video")]
    public MediaObjectDto? Video { get; set; }

    [JsonPropertyName("payload")]
    public string? Payload { get; set; }

    [JsonPropertyName("coupon_code")]
    public string? CouponCode { get; set; }

    [JsonPropertyName("action")]
    public TemplateFlowActionDto? Action { get; set; }

    [JsonPropertyName("location")]
    public LocationDto? Location { get; set; }

    [JsonPropertyName("limited_time_offer")]
    public LimitedTimeOfferDto? LimitedTimeOffer { get; set; }

    [JsonPropertyName("product")]
    public TemplateProductDto? Product { get; set; }
}

/// <summary>Wire shape of a <c>product</c> parameter (product card header).</summary>
internal sealed class TemplateProductDto
{
    [JsonPropertyName("product_retailer_id")]
    public string? ProductRetailerId { get; set; }

    [JsonPropertyName("catalog_id")]
    public string? CatalogId { get; set; }
}

/// <summary>Wire shape of a <c>limited_time_offer</c> parameter.</summary>
internal sealed class LimitedTimeOfferDto
{
    [JsonPropertyName("expiration_time_ms")]
    public long ExpirationTimeMs { get; set; }
}

/// <summary>Wire shape of a <c>currency</c> parameter.</summary>
internal sealed class CurrencyDto
{
    [JsonPropertyName("fallback_value")]
    public string? FallbackValue { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("amount_1000")]
    public long Amount1000 { get; set; }
}

/// <summary>Wire shape of a <c>date_time</c> parameter.</summary>
internal sealed class DateTimeDto
{
    [JsonPropertyName("fallback_value")]
    public string? FallbackValue { get; set; }

    [JsonPropertyName("day_of_week")]
    public int? DayOfWeek { get; set; }

    [JsonPropertyName("year")]
    public int? Year { get; set; }

    [JsonPropertyName("month")]
    public int? Month { get; set; }

    [JsonPropertyName("day_of_month")]
    public int? DayOfMonth { get; set; }

    [JsonPropertyName("hour")]
    public int? Hour { get; set; }

    [JsonPropertyName("minute")]
    public int? Minute { get; set; }

    [JsonPropertyName("calendar")]
    public string? Calendar { get; set; }
}

/// <summary>Wire shape of the <c>action</c> parameter of a flow or catalog button.</summary>
internal sealed class TemplateFlowActionDto
{
    [JsonPropertyName("flow_token")]
    public string? FlowToken { get; set; }

    [JsonPropertyName("flow_action_data")]
    public JsonObject? FlowActionData { get; set; }

    [JsonPropertyName("thumbnail_product_retailer_id")]
    public string? ThumbnailProductRetailerId { get; set; }
}
