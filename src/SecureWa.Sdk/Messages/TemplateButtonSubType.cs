namespace SecureWa.Sdk.Messages;

/// <summary>The <c>sub_type</c> of a template button component.</summary>
public enum TemplateButtonSubType
{
    /// <summary><c>quick_reply</c>: a <c>payload</c> returned in the webhook when tapped.</summary>
    QuickReply = 0,

    /// <summary><c>url</c>: the dynamic suffix of the button's URL, as <c>text</c>.</summary>
    Url,

    /// <summary><c>copy_code</c>: a <c>coupon_code</c> the user can copy.</summary>
    CopyCode,

    /// <summary><c>flow</c>: an <c>action</c> opening a WhatsApp Flow.</summary>
    Flow,

    /// <summary><c>CATALOG</c>: opens the catalog; an optional <c>action.thumbnail_product_retailer_id</c>.</summary>
    Catalog,
}
