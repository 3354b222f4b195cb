using System.Security.Authentication;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// A secure (TLS) connection to the Cloud API could not be established, so no request was sent:
/// see <see cref="Failure"/> for why. Never caused by the server's answer; retrying the same host with the
/// same configuration will fail the same way until the certificate, the pins or the trust anchors change.
/// </summary>
public class WhatsAppTransportSecurityException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the connection was refused.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WhatsAppTransportSecurityException(WhatsAppTransportSecurityFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the connection was refused.</summary>
    public WhatsAppTransportSecurityFailure Failure { get; }

    /// <summary>Maps an <see cref="HttpRequestException"/> caused by a TLS failure; <see langword="null"/> for any other failure.</summary>
    internal static WhatsAppTransportSecurityException? TryCreate(Exception exception)
    {
        if (exception is not HttpRequestException)
        {
            return null;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is CertificateRejectedException rejected)
            {
                return new WhatsAppTransportSecurityException(
                    rejected.Failure,
                    rejected.Failure == WhatsAppTransportSecurityFailure.PinMismatch
                        ? "SPKI pin validation failed: " + rejected.Message + " No request was sent."
                        : "TLS certificate validation failed: " + rejected.Message + " No request was sent.",
                    exception);
            }

            if (inner is AuthenticationException)
            {
                return new WhatsAppTransportSecurityException(
                    WhatsAppTransportSecurityFailure.Handshake,
                    "The TLS handshake with the WhatsApp Cloud API failed (the SDK offers only TLS 1.2 and 1.3, with certificate validation always on). No request was sent.",
                    exception);
            }
        }

        return null;
    }
}
