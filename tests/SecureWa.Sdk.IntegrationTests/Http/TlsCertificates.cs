using System.Net;
using System.Security.Cryptography.X509Certificates;
using SecureWa.Sdk.IntegrationTests.Infrastructure;

namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>
/// Class fixture for the Kestrel TLS tests: one generated CA and a valid 127.0.0.1 server certificate issued by it
/// (built with the harness's <see cref="TestCertificates"/>), plus helpers for the failure cases.
/// </summary>
public sealed class TlsCertificates : IDisposable
{
    public TlsCertificates()
    {
        CaWithKey = TestCertificates.CreateCertificateAuthority("SecureWa Transport Test CA");
        Ca = X509CertificateLoader.LoadCertificate(CaWithKey.RawData);
        Leaf = ForKestrel(TestCertificates.IssueServerCertificate(CaWithKey));
    }

    /// <summary>The CA's public certificate (the trust anchor the client gets).</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The CA with its private key (issues leaves).</summary>
    public X509Certificate2 CaWithKey { get; }

    /// <summary>A valid server certificate for localhost and 127.0.0.1 issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Leaf { get; }

    public X509Certificate2 IssueExpiredLeaf() => ForKestrel(TestCertificates.IssueExpiredServerCertificate(CaWithKey));

    public X509Certificate2 IssueLeafForOtherHost() =>
        ForKestrel(TestCertificates.IssueServerCertificate(CaWithKey, dnsNames: ["graph.other-host.test"], ipAddresses: Array.Empty<IPAddress>()));

    public static X509Certificate2 CreateSelfSignedLeaf() => ForKestrel(TestCertificates.CreateSelfSignedServerCertificate());

    public static string Pin(X509Certificate2 certificate) => TestCertificates.ComputeSpkiPin(certificate);

    public void Dispose()
    {
        Ca.Dispose();
        CaWithKey.Dispose();
        Leaf.Dispose();
    }

    /// <summary>Round-trips through PKCS#12 so the private key is usable by the server TLS stack on every platform.</summary>
    private static X509Certificate2 ForKestrel(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
