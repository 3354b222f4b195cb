namespace SecureWa.Sdk.Messages;

/// <summary>The template categories Meta assigns (as the Templates API spells them).</summary>
public static class TemplateCategory
{
    /// <summary>Promotions and offers: the consent policy needs a current marketing opt-in.</summary>
    public const string Marketing = "MARKETING";

    /// <summary>Transaction and account updates.</summary>
    public const string Utility = "UTILITY";

    /// <summary>One-time passwords.</summary>
    public const string Authentication = "AUTHENTICATION";
}
