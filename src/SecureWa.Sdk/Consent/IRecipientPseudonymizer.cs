namespace SecureWa.Sdk.Consent;

/// <summary>
/// Turns a normalized recipient number into an opaque, stable subject key (the same key for every purpose), so that
/// consent records and the service window never hold the phone number. Share one implementation with the audit trail
/// so both name a person by the same key.
/// </summary>
public interface IRecipientPseudonymizer
{
    /// <summary>The subject key of <paramref name="normalizedRecipient"/> (digits only, country code first).</summary>
    /// <param name="normalizedRecipient">The recipient number, normalized to digits.</param>
    /// <param name="cancellationToken">Cancels fetching the key material.</param>
    /// <returns>The subject key.</returns>
    ValueTask<string> GetSubjectKeyAsync(string normalizedRecipient, CancellationToken cancellationToken = default);
}
