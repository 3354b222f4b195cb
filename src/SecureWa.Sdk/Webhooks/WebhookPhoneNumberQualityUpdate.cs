using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A <c>phone_number_quality_update</c> change: a business number's messaging limit or throughput changed, or it was flagged.</summary>
public sealed class WebhookPhoneNumberQualityUpdate
{
    /// <summary>The business number as displayed (<c>display_phone_number</c>).</summary>
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The event, such as <c>UPGRADE</c>, <c>DOWNGRADE</c>, <c>FLAGGED</c>, <c>UNFLAGGED</c>, <c>THROUGHPUT_UPGRADE</c>, <c>ONBOARDING</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The messaging limit tier now (<c>current_limit</c>), such as <c>TIER_10K</c>.</summary>
    public string? CurrentLimit { get; init; }

    /// <summary>The tier before (<c>old_limit</c>), for messaging limit changes.</summary>
    public string? OldLimit { get; init; }

    /// <summary>The daily limit of the business portfolio (<c>max_daily_conversations_per_business</c>), when sent.</summary>
    public string? MaxDailyConversationsPerBusiness { get; init; }

    /// <summary>A description with the number masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookPhoneNumberQualityUpdate {PiiMasker.MaskPhoneNumber(DisplayPhoneNumber)} {Event} {CurrentLimit}";

    internal static WebhookPhoneNumberQualityUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        return new WebhookPhoneNumberQualityUpdate
        {
            DisplayPhoneNumber = WebhookValueReader.String(v, "display_phone_number"),
            Event = WebhookValueReader.String(v, "event"),
            CurrentLimit = WebhookValueReader.String(v, "current_limit"),
            OldLimit = WebhookValueReader.String(v, "old_limit"),
            MaxDailyConversationsPerBusiness = WebhookValueReader.String(v, "max_daily_conversations_per_business"),
        };
    }
}
