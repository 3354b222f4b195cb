using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

public sealed class TestCertificatesTests
{
    [Fact]
    public void CreateCertificateAuthority_Default_IsCaWithKeyCertSign()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();

        var constraints = Assert.Single(ca.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority);
        Assert.True(Assert.Single(ca.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.True(ca.HasPrivateKey);
    }

    [Fact]
    public void IssueServerCertificate_Default_ChainsToCaWithServerAuthAndLoopbackNames()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();
        using var leaf = TestCertificates.IssueServerCertificate(ca);

        Assert.True(leaf.HasPrivateKey);
        Assert.Contains(Assert.Single(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(leaf.MatchesHostname("localhost"));
        Assert.True(leaf.MatchesHostname("127.0.0.1"));
        using var chain = CreateChain(ca);
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void IssueExpiredServerCertificate_ChainBuild_FailsNotTimeValid()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();
        using var leaf = TestCertificates.IssueExpiredServerCertificate(ca);
        using var chain = CreateChain(ca);

        Assert.True(leaf.NotAfter < DateTime.Now);
        Assert.False(chain.Build(leaf));
        Assert.Contains(chain.ChainStatus, s => s.Status.HasFlag(X509ChainStatusFlags.NotTimeValid));
    }

    [Fact]
    public void CreateSelfSignedServerCertificate_ChainWithUnrelatedCa_Fails()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();
        using var leaf = TestCertificates.CreateSelfSignedServerCertificate();
        using var chain = CreateChain(ca);

        Assert.Equal(leaf.Subject, leaf.Issuer);
        Assert.False(chain.Build(leaf));
    }

    [Fact]
    public void ComputeSpkiPin_Certificate_IsBase64Sha256OfSubjectPublicKeyInfo()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();
        using var leaf = TestCertificates.IssueServerCertificate(ca);
        using var reissued = TestCertificates.IssueServerCertificate(ca);

        var pin = TestCertificates.ComputeSpkiPin(leaf);

        Assert.Equal(32, Convert.FromBase64String(pin).Length);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo())), pin);
        Assert.Equal(pin, TestCertificates.ComputeSpkiPin(X509CertificateLoader.LoadCertificate(leaf.RawData)));
        Assert.NotEqual(pin, TestCertificates.ComputeSpkiPin(reissued));
    }

    [Fact]
    public void IssueServerCertificate_Rsa_IsRsa2048ChainingToTheEcdsaCa()
    {
        using var ca = TestCertificates.CreateCertificateAuthority();
        using var leaf = TestCertificates.IssueServerCertificate(ca, rsa: true);

        using var key = leaf.GetRSAPrivateKey();
        Assert.NotNull(key);
        Assert.Equal(2048, key.KeySize);
        Assert.Null(leaf.GetECDsaPublicKey());
        Assert.True(leaf.MatchesHostname("127.0.0.1"));
        using var chain = CreateChain(ca);
        Assert.True(chain.Build(leaf), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    private static X509Chain CreateChain(X509Certificate2 trustAnchor)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(trustAnchor);
        return chain;
    }
}
