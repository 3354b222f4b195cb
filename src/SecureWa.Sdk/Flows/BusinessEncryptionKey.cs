namespace SecureWa.Sdk.Flows;

/// <summary>The business public key registered for a phone number (<c>GET /{phone-number-id}/whatsapp_business_encryption</c>).</summary>
public sealed class BusinessEncryptionKey
{
    /// <summary>The PEM public key Meta encrypts flow data exchange requests with; <see langword="null"/> when none is set.</summary>
    public string? PublicKey { get; init; }

    /// <summary>The signature status Meta reports, such as <c>VALID</c> or <c>MISMATCH</c>.</summary>
    public string? SignatureStatus { get; init; }
}
