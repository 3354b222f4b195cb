namespace SecureWa.Sdk.Consent;

/// <summary>Common names for where a consent change came from (any <c>[a-z0-9_]{1,64}</c> name is accepted).</summary>
public static class ConsentSources
{
    /// <summary>A web form (the evidence reference names the form submission).</summary>
    public const string WebForm = "web_form";

    /// <summary>A reply the person sent on WhatsApp.</summary>
    public const string WhatsAppReply = "whatsapp_reply";

    /// <summary>An opt-out keyword (STOP, …) recognised in an inbound message by the SDK.</summary>
    public const string WhatsAppKeyword = "whatsapp_keyword";

    /// <summary>The marketing "Stop promotions" quick-reply button, recognised by the SDK.</summary>
    public const string WhatsAppButton = "whatsapp_button";

    /// <summary>An import of existing consent records.</summary>
    public const string Import = "import";

    /// <summary>The application's own API or back office.</summary>
    public const string Api = "api";
}
