using System.Text.Json.Nodes;

namespace SecureWa.Sdk.Messages;

/// <summary>
/// A value for one variable of a template component. Create one with the factory methods
/// (<see cref="Text"/>, <see cref="Currency"/>, <see cref="DateTime(string, string)"/>, <see cref="Image"/>, …).
/// </summary>
public sealed class TemplateParameter
{
    private TemplateParameter(TemplateParameterType type)
    {
        Type = type;
    }

    /// <summary>The parameter type (<c>type</c>).</summary>
    public TemplateParameterType Type { get; }

    /// <summary>The name of a named parameter (<c>parameter_name</c>), for templates created with named variables.</summary>
    public string? ParameterName { get; private init; }

    /// <summary>The text of a <see cref="TemplateParameterType.Text"/> parameter; for a url button, the URL suffix.</summary>
    public string? TextValue { get; private init; }

    /// <summary>The fallback text of a currency or date_time parameter (<c>fallback_value</c>).</summary>
    public string? FallbackValue { get; private init; }

    /// <summary>The ISO 4217 currency code of a currency parameter (<c>code</c>).</summary>
    public string? CurrencyCode { get; private init; }

    /// <summary>The amount of a currency parameter multiplied by 1000 (<c>amount_1000</c>).</summary>
    public long Amount1000 { get; private init; }

    /// <summary>The media of an image, document or video parameter.</summary>
    public MediaSource? Media { get; private init; }

    /// <summary>The file name of a document parameter (<c>filename</c>).</summary>
    public string? Filename { get; private init; }

    /// <summary>The payload of a quick reply button (<c>payload</c>).</summary>
    public string? Payload { get; private init; }

    /// <summary>The code of a copy code button (<c>coupon_code</c>).</summary>
    public string? CouponCode { get; private init; }

    /// <summary>The flow token of a flow button (<c>action.flow_token</c>).</summary>
    public string? FlowToken { get; private init; }

    /// <summary>The data of a flow button (<c>action.flow_action_data</c>).</summary>
    public JsonObject? FlowActionData { get; private init; }

    /// <summary>The thumbnail product of a catalog button (<c>action.thumbnail_product_retailer_id</c>).</summary>
    public string? ThumbnailProductRetailerId { get; private init; }

    /// <summary>The full form of a date_time parameter, when created from a <see cref="TemplateDateTime"/>.</summary>
    public TemplateDateTime? DateTimeValue { get; private init; }

    /// <summary>The latitude of a location parameter (<c>location.latitude</c>).</summary>
    public double Latitude { get; private init; }

    /// <summary>The longitude of a location parameter (<c>location.longitude</c>).</summary>
    public double Longitude { get; private init; }

    /// <summary>The name of a location parameter (<c>location.name</c>).</summary>
    public string? LocationName { get; private init; }

    /// <summary>The address of a location parameter (<c>location.address</c>).</summary>
    public string? LocationAddress { get; private init; }

    /// <summary>The catalog of a product parameter (<c>product.catalog_id</c>).</summary>
    public string? CatalogId { get; private init; }

    /// <summary>The product of a product parameter (<c>product.product_retailer_id</c>).</summary>
    public string? ProductRetailerId { get; private init; }

    /// <summary>The expiration of a limited-time offer parameter (<c>limited_time_offer.expiration_time_ms</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; private init; }

    /// <summary>A text parameter.</summary>
    /// <param name="text">The text; at most 60 characters in a header.</param>
    /// <param name="parameterName">The variable name, for templates with named parameters.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Text(string text, string? parameterName = null)
        => new(TemplateParameterType.Text) { TextValue = text, ParameterName = parameterName };

    /// <summary>A currency parameter.</summary>
    /// <param name="fallbackValue">The text shown when localization fails, such as <c>$100.99</c>.</param>
    /// <param name="currencyCode">The ISO 4217 code, such as <c>USD</c>.</param>
    /// <param name="amount1000">The amount multiplied by 1000 (100.99 is <c>100990</c>).</param>
    /// <param name="parameterName">The variable name, for templates with named parameters.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Currency(string fallbackValue, string currencyCode, long amount1000, string? parameterName = null)
        => new(TemplateParameterType.Currency) { FallbackValue = fallbackValue, CurrencyCode = currencyCode, Amount1000 = amount1000, ParameterName = parameterName };

    /// <summary>A date_time parameter.</summary>
    /// <param name="fallbackValue">The date as text, such as <c>February 25, 1977</c>.</param>
    /// <param name="parameterName">The variable name, for templates with named parameters.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter DateTime(string fallbackValue, string? parameterName = null)
        => new(TemplateParameterType.DateTime) { FallbackValue = fallbackValue, ParameterName = parameterName };

    /// <summary>A date_time parameter in its full form: the fallback text and the date's components.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The variable name, for templates with named parameters.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter DateTime(TemplateDateTime value, string? parameterName = null)
        => new(TemplateParameterType.DateTime) { FallbackValue = value?.FallbackValue, DateTimeValue = value, ParameterName = parameterName };

    /// <summary>A location parameter (location headers).</summary>
    /// <param name="latitude">The latitude, -90 to 90.</param>
    /// <param name="longitude">The longitude, -180 to 180.</param>
    /// <param name="name">The name of the place, if any.</param>
    /// <param name="address">The address, if any.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Location(double latitude, double longitude, string? name = null, string? address = null)
        => new(TemplateParameterType.Location) { Latitude = latitude, Longitude = longitude, LocationName = name, LocationAddress = address };

    /// <summary>A product parameter: the header of a product card in a product card carousel template.</summary>
    /// <param name="catalogId">The catalog id.</param>
    /// <param name="productRetailerId">The product's retailer id (SKU).</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Product(string catalogId, string productRetailerId)
        => new(TemplateParameterType.Product) { CatalogId = catalogId, ProductRetailerId = productRetailerId };

    /// <summary>An image parameter (media headers).</summary>
    /// <param name="media">The image.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Image(MediaSource media) => new(TemplateParameterType.Image) { Media = media };

    /// <summary>A document parameter (media headers).</summary>
    /// <param name="media">The document.</param>
    /// <param name="filename">The file name shown to the recipient.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Document(MediaSource media, string? filename = null)
        => new(TemplateParameterType.Document) { Media = media, Filename = filename };

    /// <summary>A video parameter (media headers).</summary>
    /// <param name="media">The video.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter Video(MediaSource media) => new(TemplateParameterType.Video) { Media = media };

    /// <summary>A quick reply payload; usually created by <see cref="TemplateComponent.QuickReplyButton"/>.</summary>
    /// <param name="payload">The payload returned in the webhook when the button is tapped.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter ForPayload(string payload) => new(TemplateParameterType.Payload) { Payload = payload };

    /// <summary>A copy code value; usually created by <see cref="TemplateComponent.CopyCodeButton"/>.</summary>
    /// <param name="couponCode">The code, at most 15 characters.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter ForCouponCode(string couponCode) => new(TemplateParameterType.CouponCode) { CouponCode = couponCode };

    /// <summary>A flow action; usually created by <see cref="TemplateComponent.FlowButton"/>.</summary>
    /// <param name="flowToken">The token identifying this flow session to your endpoint, if any.</param>
    /// <param name="flowActionData">Data for the first screen, if any (a non-empty object).</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter ForFlowAction(string? flowToken = null, JsonObject? flowActionData = null)
        => new(TemplateParameterType.Action) { FlowToken = flowToken, FlowActionData = flowActionData };

    /// <summary>A catalog button action; usually created by <see cref="TemplateComponent.CatalogButton"/>.</summary>
    /// <param name="thumbnailProductRetailerId">The retailer id of the product shown as thumbnail.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter ForCatalogAction(string thumbnailProductRetailerId)
        => new(TemplateParameterType.Action) { ThumbnailProductRetailerId = thumbnailProductRetailerId };

    /// <summary>A limited-time offer expiration; usually created by <see cref="TemplateComponent.LimitedTimeOffer"/>.</summary>
    /// <param name="expiresAt">When the offer expires.</param>
    /// <returns>The parameter.</returns>
    public static TemplateParameter ForLimitedTimeOffer(DateTimeOffset expiresAt)
        => new(TemplateParameterType.LimitedTimeOffer) { ExpiresAt = expiresAt };

    /// <summary>Names the parameter type only; never the value, which may be personal data.</summary>
    /// <returns>For example <c>TemplateParameter(Text)</c>.</returns>
    public override string ToString() => $"TemplateParameter({Type})";
}
