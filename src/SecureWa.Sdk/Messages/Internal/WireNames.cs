namespace SecureWa.Sdk.Messages.Internal;

/// <summary>The wire names of the public enums (no reflection, no allocation).</summary>
internal static class WireNames
{
    public static string Component(TemplateComponentType type) => type switch
    {
        TemplateComponentType.Header => "header",
        TemplateComponentType.Body => "body",
        TemplateComponentType.Button => "button",
        TemplateComponentType.Carousel => "carousel",
        TemplateComponentType.LimitedTimeOffer => "limited_time_offer",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string SubType(TemplateButtonSubType type) => type switch
    {
        TemplateButtonSubType.QuickReply => "quick_reply",
        TemplateButtonSubType.Url => "url",
        TemplateButtonSubType.CopyCode => "copy_code",
        TemplateButtonSubType.Flow => "flow",
        TemplateButtonSubType.Catalog => "CATALOG",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Parameter(TemplateParameterType type) => type switch
    {
        TemplateParameterType.Text => "text",
        TemplateParameterType.Currency => "currency",
        TemplateParameterType.DateTime => "date_time",
        TemplateParameterType.Image => "image",
        TemplateParameterType.Document => "document",
        TemplateParameterType.Video => "video",
        TemplateParameterType.Payload => "payload",
        TemplateParameterType.CouponCode => "coupon_code",
        TemplateParameterType.Action => "action",
        TemplateParameterType.Location => "location",
        TemplateParameterType.LimitedTimeOffer => "limited_time_offer",
        TemplateParameterType.Product => "product",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Header(InteractiveHeaderType type) => type switch
    {
        InteractiveHeaderType.Text => "text",
        InteractiveHeaderType.Image => "image",
        InteractiveHeaderType.Video => "video",
        InteractiveHeaderType.Document => "document",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Flow(FlowAction action) => action switch
    {
        FlowAction.Navigate => "navigate",
        FlowAction.DataExchange => "data_exchange",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static string Calendar(TemplateCalendar calendar) => calendar switch
    {
        TemplateCalendar.Gregorian => "GREGORIAN",
        TemplateCalendar.SolarHijri => "SOLAR_HIJRI",
        _ => throw new ArgumentOutOfRangeException(nameof(calendar)),
    };

    public static string Goods(OrderGoodsType type) => type switch
    {
        OrderGoodsType.DigitalGoods => "digital-goods",
        OrderGoodsType.PhysicalGoods => "physical-goods",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Order(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "pending",
        OrderStatus.Processing => "processing",
        OrderStatus.PartiallyShipped => "partially-shipped",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Completed => "completed",
        OrderStatus.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Recipient(MessageRecipientType type) => type switch
    {
        MessageRecipientType.Individual => "individual",
        MessageRecipientType.Group => "group",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Index strings for button components, cached ("0" to "9").</summary>
    public static string Index(int index) => index is >= 0 and <= 9 ? Digits[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
}
