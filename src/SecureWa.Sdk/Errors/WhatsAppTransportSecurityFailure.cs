namespace SecureWa.Sdk.Errors;

/// <summary>Why a secure connection to the Cloud API could not be established.</summary>
public enum WhatsAppTransportSecurityFailure
{
    /// <summary>The TLS handshake failed (no common protocol version or cipher, a broken or non-TLS peer).</summary>
    Handshake = 0,

    /// <summary>The server certificate was rejected: untrusted chain, expired, or issued for another host name.</summary>
    CertificateValidation = 1,

    /// <summary>The certificate chain was valid but matched none of the configured SPKI pins.</summary>
    PinMismatch = 2,
}
