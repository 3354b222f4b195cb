using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.Http;

/// <summary>
/// TLS policy of the SDK's primary HTTP handler. TLS 1.2 and 1.3 only, certificate chain and host name
/// validation always on: no option here can weaken either. Pins and trust anchors only add checks.
/// </summary>
public sealed class WhatsAppTransportOptions
{
    /// <summary>The length in bytes of a SHA-256 SPKI pin.</summary>
    private const int PinLength = 32;

    /// <summary>How long establishing a connection (TCP and TLS) may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS changes are seen. Default 5 minutes.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accepts only TLS 1.3 when <see langword="true"/>. Default <see langword="false"/>: TLS 1.2 and 1.3.
    /// Older protocols are never offered.
    /// </summary>
    public bool RequireTls13 { get; set; }

    /// <summary>
    /// SPKI pins: each the base64 SHA-256 hash of a certificate's DER SubjectPublicKeyInfo
    /// (as in HPKP / <c>openssl ... | openssl dgst -sha256 -binary | base64</c>). When not empty, the
    /// validated chain must contain at least one certificate (leaf, intermediate or root) whose key matches
    /// one pin. Pin several keys (intermediates, roots, backups), never a single leaf: Meta rotates its
    /// certificates. Empty by default (no pinning).
    /// </summary>
    public IList<string> SpkiPins { get; set; } = new List<string>();

    /// <summary>
    /// Whether the server's chain is checked for revoked certificates. Default <see cref="X509RevocationMode.NoCheck"/>
    /// (as in .NET's own handlers). <see cref="X509RevocationMode.Online"/> fetches CRLs / OCSP answers from the CAs'
    /// endpoints (the process needs egress to them); <see cref="X509RevocationMode.Offline"/> uses only what is cached.
    /// When checking is on, a chain whose revocation status cannot be established is refused, like a revoked one.
    /// </summary>
    public X509RevocationMode CertificateRevocationMode { get; set; } = X509RevocationMode.NoCheck;

    /// <summary>What a pin mismatch does: <see cref="SpkiPinMode.Enforce"/> (the default) or <see cref="SpkiPinMode.ReportOnly"/>.</summary>
    public SpkiPinMode PinMode { get; set; } = SpkiPinMode.Enforce;

    /// <summary>
    /// Paths of PEM (one or more certificates) or DER files holding trust anchors (root certificates of a
    /// private CA or a TLS-inspecting corporate proxy). When any trust anchor is configured, the server's
    /// chain must end in one of them and the system root store is not used; validation stays on.
    /// </summary>
    public IList<string> TrustAnchorPaths { get; set; } = new List<string>();

    /// <summary>The trust anchors added in code (<see cref="AddTrustAnchor"/>); a method, not a property, so configuration binding never touches certificates.</summary>
    private readonly List<X509Certificate2> _trustAnchors = [];

    /// <summary>
    /// Adds a trust anchor in code (a private CA's root certificate, or a test CA), with the same meaning as
    /// <see cref="TrustAnchorPaths"/> (both are combined). Only the public certificate is used.
    /// </summary>
    /// <param name="certificate">The anchor certificate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public void AddTrustAnchor(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_trustAnchors)
        {
            _trustAnchors.Add(certificate);
        }
    }

    internal void Validate(ICollection<string> failures)
    {
        if (ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add("Transport.ConnectTimeout must be positive.");
        }

        if (PooledConnectionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Transport.PooledConnectionLifetime must be positive.");
        }

        if (!Enum.IsDefined(PinMode))
        {
            failures.Add("Transport.PinMode must be Enforce or ReportOnly.");
        }

        if (!Enum.IsDefined(CertificateRevocationMode))
        {
            failures.Add("Transport.CertificateRevocationMode must be NoCheck, Online or Offline.");
        }

        if (SpkiPins is { } pins)
        {
            Span<byte> decoded = stackalloc byte[256];
            for (var i = 0; i < pins.Count; i++)
            {
                var pin = pins[i];
                if (string.IsNullOrWhiteSpace(pin))
                {
                    failures.Add($"Transport.SpkiPins[{i}] is empty.");
                }
                else if (!Convert.TryFromBase64String(pin.Trim(), decoded, out var written))
                {
                    failures.Add($"Transport.SpkiPins[{i}] is not valid base64 (or is far longer than a pin); a pin is the base64 SHA-256 hash of a SubjectPublicKeyInfo.");
                }
                else if (written != PinLength)
                {
                    failures.Add($"Transport.SpkiPins[{i}] decodes to {written} bytes; a SHA-256 SPKI pin is {PinLength} bytes (44 base64 characters).");
                }
            }
        }

        if (TrustAnchorPaths is { } paths)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                if (Internal.TrustAnchorLoader.TryLoad(paths[i], out _, out var error) is false)
                {
                    failures.Add($"Transport.TrustAnchorPaths[{i}]: {error}");
                }
            }
        }
    }

    /// <summary>Decodes the configured pins (validated beforehand) into raw hashes.</summary>
    internal byte[][] DecodePins()
    {
        if (SpkiPins is not { Count: > 0 } pins)
        {
            return [];
        }

        var result = new List<byte[]>(pins.Count);
        foreach (var pin in pins)
        {
            if (string.IsNullOrWhiteSpace(pin))
            {
                continue;
            }

            var bytes = Convert.FromBase64String(pin.Trim());
            if (bytes.Length == PinLength)
            {
                result.Add(bytes);
            }
        }

        return [.. result];
    }

    /// <summary>Collects the trust anchors from code and files; empty when none is configured.</summary>
    /// <exception cref="InvalidOperationException">A trust anchor file cannot be loaded.</exception>
    internal X509Certificate2Collection LoadTrustAnchors()
    {
        var result = new X509Certificate2Collection();
        lock (_trustAnchors)
        {
            foreach (var anchor in _trustAnchors)
            {
                // Keep only the public certificate: a private key has no business in the trust store.
#if NET9_0_OR_GREATER
                result.Add(X509CertificateLoader.LoadCertificate(anchor.RawData));
#else
                result.Add(new X509Certificate2(anchor.RawData));
#endif
            }
        }

        if (TrustAnchorPaths is { } paths)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                if (!Internal.TrustAnchorLoader.TryLoad(paths[i], out var loaded, out var error))
                {
                    throw new InvalidOperationException($"Transport.TrustAnchorPaths[{i}]: {error}");
                }

                result.AddRange(loaded);
            }
        }

        return result;
    }
}
