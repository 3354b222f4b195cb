namespace SecureWa.Sdk.Consent;

/// <summary>The current consent state of one person for one purpose, folded from the history.</summary>
/// <param name="Status">The status.</param>
/// <param name="Since">When the deciding record was written, or <see langword="null"/> for <see cref="ConsentStatus.None"/>.</param>
/// <param name="PendingExpiresAt">For <see cref="ConsentStatus.PendingConfirmation"/>, when the pending opt-in lapses.</param>
public readonly record struct ConsentState(ConsentStatus Status, DateTimeOffset? Since, DateTimeOffset? PendingExpiresAt)
{
    /// <summary>Nothing on file.</summary>
    public static ConsentState None => default;
}
