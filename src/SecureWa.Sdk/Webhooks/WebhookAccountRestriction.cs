namespace SecureWa.Sdk.Webhooks;

/// <summary>A restriction of an <c>ACCOUNT_RESTRICTION</c> account update (<c>restriction_info[]</c>).</summary>
public sealed class WebhookAccountRestriction
{
    /// <summary>The restriction, such as <c>RESTRICTED_BIZ_INITIATED_MESSAGING</c>.</summary>
    public string? RestrictionType { get; init; }

    /// <summary>When it ends (<c>expiration</c>).</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>A description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookAccountRestriction {RestrictionType} until {Expiration:O}";
}
