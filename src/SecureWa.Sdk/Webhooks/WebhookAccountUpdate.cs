using System.Text.Json;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// An <c>account_update</c> change: the WhatsApp Business Account was verified, restricted, banned, had a policy
/// violation… Fields of events this type does not model stay in the change value's <c>AdditionalProperties</c>.
/// </summary>
public sealed class WebhookAccountUpdate
{
    /// <summary>The event, such as <c>VERIFIED_ACCOUNT</c>, <c>ACCOUNT_VIOLATION</c>, <c>ACCOUNT_RESTRICTION</c>, <c>DISABLED_UPDATE</c>, <c>ACCOUNT_DELETED</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The business phone number the event is about (<c>phone_number</c>), when sent.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The policy violated (<c>violation_info.violation_type</c>), for <c>ACCOUNT_VIOLATION</c>.</summary>
    public string? ViolationType { get; init; }

    /// <summary>The restrictions (<c>restriction_info</c>), for <c>ACCOUNT_RESTRICTION</c>. Empty (never <see langword="null"/>) when none.</summary>
    public IReadOnlyList<WebhookAccountRestriction> Restrictions { get; init; } = [];

    /// <summary>The ban state (<c>ban_info.waba_ban_state</c>), such as <c>DISABLE</c> or <c>REINSTATE</c>, for <c>DISABLED_UPDATE</c>.</summary>
    public string? BanState { get; init; }

    /// <summary>The ban date as sent (<c>ban_info.waba_ban_date</c>).</summary>
    public string? BanDate { get; init; }

    /// <summary>A description with the phone number masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookAccountUpdate {Event} {PiiMasker.MaskPhoneNumber(PhoneNumber)}";

    internal static WebhookAccountUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        var restrictions = new List<WebhookAccountRestriction>();
        if (WebhookValueReader.Array(v, "restriction_info") is { } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    restrictions.Add(new WebhookAccountRestriction
                    {
                        RestrictionType = WebhookValueReader.String(item, "restriction_type"),
                        Expiration = WebhookValueReader.UnixTime(WebhookValueReader.Int64(item, "expiration")),
                    });
                }
            }
        }

        var violation = WebhookValueReader.Object(v, "violation_info");
        var ban = WebhookValueReader.Object(v, "ban_info");
        return new WebhookAccountUpdate
        {
            Event = WebhookValueReader.String(v, "event"),
            PhoneNumber = WebhookValueReader.String(v, "phone_number"),
            ViolationType = violation is { } vi ? WebhookValueReader.String(vi, "violation_type") : null,
            Restrictions = restrictions,
            BanState = ban is { } b ? WebhookValueReader.String(b, "waba_ban_state") : null,
            BanDate = ban is { } bd ? WebhookValueReader.String(bd, "waba_ban_date") : null,
        };
    }
}
