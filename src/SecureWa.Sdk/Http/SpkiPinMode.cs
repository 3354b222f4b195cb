namespace SecureWa.Sdk.Http;

/// <summary>What happens when the server's validated certificate chain matches none of the configured SPKI pins.</summary>
public enum SpkiPinMode
{
    /// <summary>The TLS handshake fails; the call throws <see cref="Errors.WhatsAppTransportSecurityException"/>.</summary>
    Enforce = 0,

    /// <summary>
    /// The call proceeds; a warning is logged and the <c>securewa.transport.pin_mismatches</c> metric is counted.
    /// Use it to roll out a new pin set before enforcing it.
    /// </summary>
    ReportOnly = 1,
}
