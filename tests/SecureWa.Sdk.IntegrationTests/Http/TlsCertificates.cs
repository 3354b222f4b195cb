using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>Certificates generated at run time for the Kestrel TLS tests: a CA and leaves issued by it.</summary>
public sealed class TlsCertificates : IDisposable
{
    public TlsCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=SecureWa Test Root CA " + Guid.NewGuid().ToString("N")[..8], caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-90), DateTimeOffset.UtcNow.AddYears(1));
        CaWithKey = Reload(ca);
        Ca = X509CertificateLoader.LoadCertificate(ca.RawData);
        Leaf = IssueLeaf(CaWithKey, "localhost", IPAddress.Loopback, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>The CA's public certificate (the trust anchor the client gets).</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The CA with its private key (issues leaves).</summary>
    public X509Certificate2 CaWithKey { get; }

    /// <summary>A valid server certificate for 127.0.0.1 issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Leaf { get; }

    public X509Certificate2 IssueExpiredLeaf() =>
        IssueLeaf(CaWithKey, "localhost", IPAddress.Loopback, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));

    public X509Certificate2 IssueLeafForOtherHost() =>
        IssueLeaf(CaWithKey, "graph.other-host.test", null, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

    public static X509Certificate2 CreateSelfSignedLeaf()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        AddServerExtensions(request, "localhost", IPAddress.Loopback);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return Reload(cert);
    }

    public static string Pin(X509Certificate2 certificate) =>
        Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public void Dispose()
    {
        Ca.Dispose();
        CaWithKey.Dispose();
        Leaf.Dispose();
    }

    private static X509Certificate2 IssueLeaf(X509Certificate2 issuer, string dnsName, IPAddress? ip, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256);
        AddServerExtensions(request, dnsName, ip);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var cert = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        using var withKey = cert.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    private static void AddServerExtensions(CertificateRequest request, string dnsName, IPAddress? ip)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        if (ip is not null)
        {
            san.AddIpAddress(ip);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
    }

    /// <summary>Round-trips through PKCS#12 so the private key is usable by the TLS stack on every platform.</summary>
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
