namespace SecureWa.Sdk.Messages;

/// <summary>The <c>type</c> of a <see cref="TemplateParameter"/>.</summary>
public enum TemplateParameterType
{
    /// <summary><c>text</c>.</summary>
    Text = 0,

    /// <summary><c>currency</c>.</summary>
    Currency,

    /// <summary><c>date_time</c>.</summary>
    DateTime,

    /// <summary><c>image</c>.</summary>
    Image,

    /// <summary><c>document</c>.</summary>
    Document,

    /// <summary><c>video</c>.</summary>
    Video,

    /// <summary><c>payload</c> (quick reply buttons).</summary>
    Payload,

    /// <summary><c>coupon_code</c> (copy code buttons).</summary>
    CouponCode,

    /// <summary><c>action</c> (flow and catalog buttons).</summary>
    Action,

    /// <summary><c>location</c> (location headers).</summary>
    Location,

    /// <summary><c>limited_time_offer</c> (the limited-time offer component).</summary>
    LimitedTimeOffer,

    /// <summary><c>product</c> (the header of a product card in a carousel template).</summary>
    Product,
}
