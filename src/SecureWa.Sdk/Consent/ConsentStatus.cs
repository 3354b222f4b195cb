namespace SecureWa.Sdk.Consent;

/// <summary>The current consent status of one person for one purpose.</summary>
public enum ConsentStatus
{
    /// <summary>Nothing on file (or a pending opt-in that expired).</summary>
    None,

    /// <summary>An opt-in awaiting confirmation (double opt-in).</summary>
    PendingConfirmation,

    /// <summary>A current opt-in.</summary>
    OptedIn,

    /// <summary>Opted out (of this purpose or of all purposes).</summary>
    OptedOut,
}
