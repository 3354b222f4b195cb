using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A <c>phone_number_name_update</c> change: the review of a business number's display name ended.</summary>
public sealed class WebhookPhoneNumberNameUpdate
{
    /// <summary>The business number as displayed (<c>display_phone_number</c>).</summary>
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The outcome (<c>decision</c>): <c>APPROVED</c>, <c>DEFERRED</c>, <c>PENDING</c> or <c>REJECTED</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>The display name that was reviewed (<c>requested_verified_name</c>).</summary>
    public string? RequestedVerifiedName { get; init; }

    /// <summary>Why it was rejected (<c>rejection_reason</c>), such as <c>NAME_FORMATTING</c>; <see langword="null"/> otherwise.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>A description with the number masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookPhoneNumberNameUpdate {PiiMasker.MaskPhoneNumber(DisplayPhoneNumber)} {Decision}";

    internal static WebhookPhoneNumberNameUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        return new WebhookPhoneNumberNameUpdate
        {
            DisplayPhoneNumber = WebhookValueReader.String(v, "display_phone_number"),
            Decision = WebhookValueReader.String(v, "decision"),
            RequestedVerifiedName = WebhookValueReader.String(v, "requested_verified_name"),
            RejectionReason = WebhookValueReader.String(v, "rejection_reason"),
        };
    }
}
