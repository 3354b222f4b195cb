using System.Text.Json.Nodes;

namespace SecureWa.Sdk.Messages;

/// <summary>
/// The parameter values of one template component: the header, the body, or one button. Create one with
/// <see cref="Header"/>, <see cref="Body"/> or a button factory (<see cref="QuickReplyButton"/>,
/// <see cref="UrlButton"/>, <see cref="CopyCodeButton"/>, <see cref="FlowButton"/>, <see cref="CatalogButton"/>),
/// <see cref="Carousel"/> or <see cref="LimitedTimeOffer"/>.
/// </summary>
public sealed class TemplateComponent
{
    private TemplateComponent(TemplateComponentType type, TemplateButtonSubType? subType, int? index, TemplateParameter[] parameters, TemplateCarouselCard[]? cards = null)
    {
        Type = type;
        SubType = subType;
        Index = index;
        Parameters = parameters;
        Cards = cards ?? [];
    }

    /// <summary>The component type (<c>type</c>).</summary>
    public TemplateComponentType Type { get; }

    /// <summary>The button kind (<c>sub_type</c>) of a button component; <see langword="null"/> otherwise.</summary>
    public TemplateButtonSubType? SubType { get; }

    /// <summary>The zero-based position of a button in the template (<c>index</c>, sent as a string), 0 to 9.</summary>
    public int? Index { get; }

    /// <summary>The parameter values, in the order of the template's variables.</summary>
    public IReadOnlyList<TemplateParameter> Parameters { get; }

    /// <summary>Whether <see cref="OneTimePasswordButton"/> made this component (its code is at most 15 characters).</summary>
    internal bool IsOneTimePassword { get; private init; }

    /// <summary>The cards of a <see cref="TemplateComponentType.Carousel"/> component (<c>cards</c>); empty otherwise.</summary>
    public IReadOnlyList<TemplateCarouselCard> Cards { get; }

    /// <summary>Values for the template header (one text, image, document or video parameter).</summary>
    /// <param name="parameters">The values.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent Header(params TemplateParameter[] parameters)
        => new(TemplateComponentType.Header, null, null, parameters?.ToArray() ?? []);

    /// <summary>Values for the template body variables (<c>{{1}}</c>, <c>{{2}}</c>, … or named).</summary>
    /// <param name="parameters">The values.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent Body(params TemplateParameter[] parameters)
        => new(TemplateComponentType.Body, null, null, parameters?.ToArray() ?? []);

    /// <summary>The payload of a quick reply button.</summary>
    /// <param name="index">The button's position in the template, 0 to 9.</param>
    /// <param name="payload">The payload returned in the webhook when tapped.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent QuickReplyButton(int index, string payload)
        => new(TemplateComponentType.Button, TemplateButtonSubType.QuickReply, index, [TemplateParameter.ForPayload(payload)]);

    /// <summary>The dynamic URL suffix of a url button.</summary>
    /// <param name="index">The button's position in the template, 0 to 9.</param>
    /// <param name="urlSuffix">The text appended to the URL registered with the template.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent UrlButton(int index, string urlSuffix)
        => new(TemplateComponentType.Button, TemplateButtonSubType.Url, index, [TemplateParameter.Text(urlSuffix)]);

    /// <summary>The code of a copy code button (authentication and coupon templates).</summary>
    /// <param name="index">The button's position in the template, 0 to 9.</param>
    /// <param name="couponCode">The code, at most 15 characters.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent CopyCodeButton(int index, string couponCode)
        => new(TemplateComponentType.Button, TemplateButtonSubType.CopyCode, index, [TemplateParameter.ForCouponCode(couponCode)]);

    /// <summary>The action of a flow button.</summary>
    /// <param name="index">The button's position in the template, 0 to 9.</param>
    /// <param name="flowToken">The token identifying this flow session to your endpoint, if any.</param>
    /// <param name="flowActionData">Data for the first screen, if any (a non-empty object).</param>
    /// <returns>The component.</returns>
    public static TemplateComponent FlowButton(int index, string? flowToken = null, JsonObject? flowActionData = null)
        => new(TemplateComponentType.Button, TemplateButtonSubType.Flow, index, [TemplateParameter.ForFlowAction(flowToken, flowActionData)]);

    /// <summary>A catalog button (<c>sub_type</c> <c>CATALOG</c>), optionally choosing the product shown as thumbnail.</summary>
    /// <param name="index">The button's position in the template, 0 to 9.</param>
    /// <param name="thumbnailProductRetailerId">The retailer id of the thumbnail product; the first product of the catalog when <see langword="null"/>.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent CatalogButton(int index, string? thumbnailProductRetailerId = null)
        => new(TemplateComponentType.Button, TemplateButtonSubType.Catalog, index, thumbnailProductRetailerId is null ? [] : [TemplateParameter.ForCatalogAction(thumbnailProductRetailerId)]);

    /// <summary>
    /// The one-time password button of an authentication template (copy code or one-tap autofill): Cloud API sends
    /// the code as the parameter of the template's url button, <c>sub_type</c> <c>url</c>.
    /// </summary>
    /// <param name="code">The code, at most 15 characters.</param>
    /// <param name="index">The button's position, 0 by default (authentication templates have one button).</param>
    /// <returns>The component.</returns>
    public static TemplateComponent OneTimePasswordButton(string code, int index = 0)
        => new(TemplateComponentType.Button, TemplateButtonSubType.Url, index, [TemplateParameter.Text(code)]) { IsOneTimePassword = true };

    /// <summary>The cards of a carousel template (<c>type</c> <c>carousel</c>), at most 10.</summary>
    /// <param name="cards">The cards, each with its index and components.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent Carousel(params TemplateCarouselCard[] cards)
        => new(TemplateComponentType.Carousel, null, null, [], cards?.ToArray() ?? []);

    /// <summary>The expiration of a limited-time offer template (<c>limited_time_offer.expiration_time_ms</c>).</summary>
    /// <param name="expiresAt">When the offer expires; sent as unix milliseconds.</param>
    /// <returns>The component.</returns>
    public static TemplateComponent LimitedTimeOffer(DateTimeOffset expiresAt)
        => new(TemplateComponentType.LimitedTimeOffer, null, null, [TemplateParameter.ForLimitedTimeOffer(expiresAt)]);
}
