using System.Net.Security;
using System.Security.Authentication;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Thrown from the SDK's certificate validation callback so the reason (chain, host name, pin) survives the
/// TLS stack; <see cref="GraphApiInvoker"/> turns it into <see cref="WhatsAppTransportSecurityException"/>.
/// Derives from <see cref="AuthenticationException"/> like the framework's own handshake failures.
/// </summary>
internal sealed class CertificateRejectedException : AuthenticationException
{
    public CertificateRejectedException(WhatsAppTransportSecurityFailure failure, SslPolicyErrors policyErrors, string message)
        : base(message)
    {
        Failure = failure;
        PolicyErrors = policyErrors;
    }

    public WhatsAppTransportSecurityFailure Failure { get; }

    public SslPolicyErrors PolicyErrors { get; }
}
