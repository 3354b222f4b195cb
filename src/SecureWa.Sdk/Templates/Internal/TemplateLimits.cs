namespace SecureWa.Sdk.Templates.Internal;

/// <summary>The documented limits of message templates (Meta's template guidelines and component reference).</summary>
internal static class TemplateLimits
{
    public const int NameMax = 512;
    public const int LanguageMax = 15;
    public const int HeaderTextMax = 60;
    public const int BodyTextMax = 1024;
    public const int FooterTextMax = 60;
    public const int ButtonsMax = 10;
    public const int QuickReplyButtonsMax = 10;
    public const int UrlButtonsMax = 2;
    public const int PhoneNumberButtonsMax = 1;
    public const int CopyCodeButtonsMax = 1;
    public const int ButtonTextMax = 25;
    public const int UrlMax = 2000;
    public const int PhoneNumberMax = 20;
    public const int CopyCodeExampleMax = 15;
    public const int CodeExpirationMinutesMin = 1;
    public const int CodeExpirationMinutesMax = 90;
    public const int SupportedAppsMax = 5;
    public const int PackageNameMax = 224;
    public const int SignatureHashLength = 11;
    public const int CarouselCardsMax = 10;
    public const int CarouselCardBodyMax = 160;
    public const int CarouselCardButtonsMax = 2;
    public const int LimitedTimeOfferTextMax = 16;
    public const int TtlMin = 30;
    public const int AuthenticationTtlMax = 900;
    public const int UtilityTtlMax = 43_200;
    public const int MarketingTtlMax = 2_592_000;
}
