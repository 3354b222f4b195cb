namespace SecureWa.Sdk.Errors;

/// <summary>Why the consent policy refused a send.</summary>
public enum ConsentRefusalReason
{
    /// <summary>No current opt-in for the purpose.</summary>
    NoConsent,

    /// <summary>A double opt-in is awaiting the person's confirmation.</summary>
    PendingConfirmation,

    /// <summary>The person opted out of the purpose (or of everything).</summary>
    OptedOut,

    /// <summary>A free-form message outside the customer-service window (the person has not written within it).</summary>
    WindowClosed,

    /// <summary>The template's category is unknown, so it was treated as marketing, and there is no marketing opt-in.</summary>
    CategoryUnknown,
}
