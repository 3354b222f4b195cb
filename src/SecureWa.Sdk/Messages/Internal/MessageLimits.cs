namespace SecureWa.Sdk.Messages.Internal;

/// <summary>The documented Cloud API limits the SDK checks before sending.</summary>
internal static class MessageLimits
{
    public const int TextBody = 4096;
    public const int Caption = 1024;
    public const int InteractiveBody = 1024;
    public const int InteractiveFooter = 60;
    public const int InteractiveHeaderText = 60;
    public const int ReplyButtonsMin = 1;
    public const int ReplyButtonsMax = 3;
    public const int ReplyButtonTitle = 20;
    public const int ReplyButtonId = 256;
    public const int ListButton = 20;
    public const int ListSectionsMax = 10;
    public const int ListRowsMax = 10;
    public const int ListRowTitle = 24;
    public const int ListRowId = 200;
    public const int ListRowDescription = 72;
    public const int ListSectionTitle = 24;
    public const int CtaDisplayText = 20;
    public const int FlowCta = 30;
    public const int TemplateName = 512;
    public const int TemplateLanguageCode = 15;
    public const int TemplateHeaderText = 60;
    public const int TemplateButtonIndexMax = 9;
    public const int CouponCode = 15;
    public const int BizOpaqueCallbackData = 512;
    public const int ProductSectionsMax = 10;
    public const int ProductItemsMax = 30;
    public const int OrderReferenceId = 35;
    public const int OrderDescription = 120;
    public const int OrderExpirationDescription = 120;
    public const int PinCode = 6;
    public const int CarouselCardsMax = 10;
    public const int CarouselCardIndexMax = 9;
    public const int OneTimePassword = 15;
    public const int GroupId = 256;
    public const int AdditionalPropertiesBytes = 16 * 1024;
    public const int RecipientDigitsMin = 7;
    public const int RecipientDigitsMax = 15;
}
