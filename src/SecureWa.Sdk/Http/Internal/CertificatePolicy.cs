using System.Diagnostics.Metrics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The server certificate check behind <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>:
/// first the platform's chain and host name validation (or, with custom trust anchors, a chain rebuilt against
/// those anchors only, host name still checked), then the SPKI pins against every certificate of the validated chain.
/// Nothing here can accept a certificate the platform rejected for any reason but an untrusted root that is a configured anchor.
/// </summary>
internal sealed partial class CertificatePolicy
{
    internal static readonly Counter<long> PinMismatches = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.transport.pin_mismatches",
        unit: "{handshake}",
        description: "TLS handshakes whose validated chain matched none of the configured SPKI pins.");

    private readonly byte[][] _pins;
    private readonly SpkiPinMode _mode;
    private readonly X509Certificate2Collection _trustAnchors;
    private readonly X509RevocationMode _revocationMode;
    private readonly ILogger _logger;

    public CertificatePolicy(byte[][] pins, SpkiPinMode mode, X509Certificate2Collection trustAnchors, X509RevocationMode revocationMode, ILogger logger)
    {
        _pins = pins;
        _mode = mode;
        _trustAnchors = trustAnchors;
        _revocationMode = revocationMode;
        _logger = logger;
    }

    /// <summary>The validation callback. Returns <see langword="true"/> or throws <see cref="CertificateRejectedException"/>.</summary>
    /// <exception cref="CertificateRejectedException">The certificate is not acceptable.</exception>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
    {
        if (certificate is null || (sslPolicyErrors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            throw new CertificateRejectedException(WhatsAppTransportSecurityFailure.CertificateValidation, sslPolicyErrors, "The server presented no certificate.");
        }

        if ((sslPolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            throw new CertificateRejectedException(WhatsAppTransportSecurityFailure.CertificateValidation, sslPolicyErrors, "The server certificate does not match the host name.");
        }

        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        if (_trustAnchors.Count > 0)
        {
            using var anchored = BuildAnchoredChain(leaf, chain);
            return CheckPins(anchored.ChainElements.Select(static e => e.Certificate), sender);
        }

        if (sslPolicyErrors != SslPolicyErrors.None || chain is null)
        {
            throw new CertificateRejectedException(WhatsAppTransportSecurityFailure.CertificateValidation, sslPolicyErrors, $"The server certificate chain is not valid ({Describe(chain)}).");
        }

        return CheckPins(chain.ChainElements.Select(static e => e.Certificate), sender);
    }

    private X509Chain BuildAnchoredChain(X509Certificate2 leaf, X509Chain? presented)
    {
        var anchored = new X509Chain();
        try
        {
            var policy = anchored.ChainPolicy;
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(_trustAnchors);
            policy.RevocationMode = _revocationMode;
            policy.VerificationFlags = X509VerificationFlags.NoFlag;
            policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")); // serverAuth
            if (presented is not null)
            {
                // The intermediates the server sent.
                policy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
                foreach (var element in presented.ChainElements)
                {
                    policy.ExtraStore.Add(element.Certificate);
                }
            }

            if (!anchored.Build(leaf))
            {
                throw new CertificateRejectedException(
                    WhatsAppTransportSecurityFailure.CertificateValidation,
                    SslPolicyErrors.RemoteCertificateChainErrors,
                    $"The server certificate chain does not validate against the configured trust anchors ({Describe(anchored)}).");
            }

            return anchored;
        }
        catch
        {
            anchored.Dispose();
            throw;
        }
    }

    private bool CheckPins(IEnumerable<X509Certificate2> validatedChain, object sender)
    {
        if (_pins.Length == 0 || SpkiPin.MatchesAny(validatedChain, _pins))
        {
            return true;
        }

        var host = (sender as SslStream)?.TargetHostName ?? "(unknown)";
        var observed = string.Join(", ", validatedChain.Select(SpkiPin.ComputeBase64));
        PinMismatches.Add(1, new KeyValuePair<string, object?>("mode", _mode == SpkiPinMode.ReportOnly ? "report_only" : "enforce"));
        if (_mode == SpkiPinMode.ReportOnly)
        {
            LogPinMismatchReported(_logger, host, observed);
            return true;
        }

        LogPinMismatchEnforced(_logger, host, observed);
        throw new CertificateRejectedException(
            WhatsAppTransportSecurityFailure.PinMismatch,
            SslPolicyErrors.None,
            "The server certificate chain is valid but matches none of the configured SPKI pins (Transport.SpkiPins).");
    }

    private static string Describe(X509Chain? chain)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return "no chain status";
        }

        return string.Join(", ", chain.ChainStatus.Select(static s => s.Status.ToString()).Distinct());
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "TLS certificate of {Host} matches none of the configured SPKI pins; proceeding because PinMode is ReportOnly. Chain SPKI pins: {ObservedPins}")]
    private static partial void LogPinMismatchReported(ILogger logger, string host, string observedPins);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "TLS certificate of {Host} matches none of the configured SPKI pins; the connection was refused. Chain SPKI pins: {ObservedPins}")]
    private static partial void LogPinMismatchEnforced(ILogger logger, string host, string observedPins);
}
