using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// Certificates generated at run time for TLS tests: a CA, server certificates it issues (valid, expired, for other
/// names), self-signed leaves, and SPKI pins. ECDSA P-256 by default; server certificates for the WireMock.Net
/// harness are RSA 2048 (<c>rsa: true</c>), because WireMock.Net's HTTPS setup does not take ECDSA keys. The CA
/// stays ECDSA either way. Dispose the certificates you create.
/// </summary>
public static class TestCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>Creates a self-signed CA (basicConstraints CA, keyCertSign) valid from a year ago to a year from now by default.</summary>
    public static X509Certificate2 CreateCertificateAuthority(string commonName = "SecureWa Test CA", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=SecureWa.Sdk tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(notBefore ?? now.AddDays(-365), notAfter ?? now.AddDays(365));
    }

    /// <summary>
    /// Issues a server certificate (serverAuth EKU) signed by <paramref name="issuer"/>, for <paramref name="dnsNames"/>
    /// (default <c>localhost</c>) and <paramref name="ipAddresses"/> (default 127.0.0.1), valid from an hour ago to 30
    /// days from now by default. The key is ECDSA P-256, or RSA 2048 with <paramref name="rsa"/> (what the WireMock.Net
    /// harness needs). The result carries its private key.
    /// </summary>
    /// <exception cref="ArgumentException">The issuer has no private key, or the validity is outside the issuer's.</exception>
    public static X509Certificate2 IssueServerCertificate(
        X509Certificate2 issuer,
        IEnumerable<string>? dnsNames = null,
        IEnumerable<IPAddress>? ipAddresses = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        bool rsa = false)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        using var issuerKey = issuer.GetECDsaPrivateKey() ?? throw new ArgumentException("The issuer has no ECDSA private key.", nameof(issuer));
        using var ecdsaKey = rsa ? null : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsaKey = rsa ? RSA.Create(2048) : null;
        var request = rsaKey is not null
            ? new CertificateRequest(SubjectFor(dnsNames), rsaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(SubjectFor(dnsNames), ecdsaKey!, HashAlgorithmName.SHA256);
        AddServerExtensions(request, dnsNames, ipAddresses, rsa);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var now = DateTimeOffset.UtcNow;
        using var publicOnly = request.Create(
            issuer.SubjectName,
            X509SignatureGenerator.CreateForECDsa(issuerKey),
            notBefore ?? now.AddHours(-1),
            notAfter ?? now.AddDays(30),
            RandomSerialNumber());
        return rsaKey is not null ? publicOnly.CopyWithPrivateKey(rsaKey) : publicOnly.CopyWithPrivateKey(ecdsaKey!);
    }

    /// <summary>Issues a server certificate that expired yesterday (valid for the 30 days before).</summary>
    public static X509Certificate2 IssueExpiredServerCertificate(X509Certificate2 issuer)
    {
        var now = DateTimeOffset.UtcNow;
        return IssueServerCertificate(issuer, notBefore: now.AddDays(-31), notAfter: now.AddDays(-1));
    }

    /// <summary>A self-signed server certificate (no CA) for <c>localhost</c> and 127.0.0.1.</summary>
    public static X509Certificate2 CreateSelfSignedServerCertificate(IEnumerable<string>? dnsNames = null, IEnumerable<IPAddress>? ipAddresses = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectFor(dnsNames), key, HashAlgorithmName.SHA256);
        AddServerExtensions(request, dnsNames, ipAddresses, rsa: false);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(30));
    }

    /// <summary>The SPKI pin of <paramref name="certificate"/>: base64 of SHA-256 over its SubjectPublicKeyInfo.</summary>
    public static string ComputeSpkiPin(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>
    /// A client handler that trusts ONLY <paramref name="trustAnchor"/> (custom root trust, no system roots, no
    /// revocation check), for proving a server's certificate chain in tests.
    /// </summary>
    public static SocketsHttpHandler CreateHandlerTrusting(X509Certificate2 trustAnchor)
    {
        ArgumentNullException.ThrowIfNull(trustAnchor);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(trustAnchor.RawData));
        return new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions = { CertificateChainPolicy = policy },
        };
    }

    private static string SubjectFor(IEnumerable<string>? dnsNames) => $"CN={(dnsNames ?? ["localhost"]).FirstOrDefault() ?? "127.0.0.1"}";

    private static void AddServerExtensions(CertificateRequest request, IEnumerable<string>? dnsNames, IEnumerable<IPAddress>? ipAddresses, bool rsa)
    {
        var names = (dnsNames ?? ["localhost"]).ToList();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));

        // RSA key exchange in TLS 1.2 RSA suites needs keyEncipherment next to digitalSignature.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(rsa ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        foreach (var address in ipAddresses ?? [IPAddress.Loopback])
        {
            san.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(san.Build());
    }

    private static byte[] RandomSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        serial[0] |= 0x01; // no leading zero byte
        return serial;
    }
}
