namespace SecureWa.Sdk.Consent;

/// <summary>What one append-only consent record says.</summary>
public enum ConsentRecordKind
{
    /// <summary>An opt-in awaiting the person's confirmation (double opt-in); it expires at <see cref="ConsentRecord.ExpiresAt"/>.</summary>
    OptInPending,

    /// <summary>A current opt-in (direct, or a confirmed double opt-in).</summary>
    OptIn,

    /// <summary>An opt-out (of <see cref="ConsentRecord.Purpose"/>, or of every purpose when that is <see langword="null"/>).</summary>
    OptOut,
}
