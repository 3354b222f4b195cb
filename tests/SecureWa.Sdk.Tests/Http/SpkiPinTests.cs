using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Http;

public class SpkiPinTests
{
    [Fact]
    public void ComputeBase64_GeneratedCertificate_EqualsSha256OfSpkiParsedFromDer()
    {
        using var ca = TestCertificateFactory.CreateCa("Pin Test CA");

        var expected = Convert.ToBase64String(SHA256.HashData(ExtractSpki(ca.RawData)));

        Assert.Equal(expected, SpkiPin.ComputeBase64(ca));
        Assert.Equal(44, expected.Length);
    }

    [Fact]
    public void MatchesAny_PinOfIssuerInChain_True()
    {
        using var ca = TestCertificateFactory.CreateCa("Pin Test CA");
        using var leaf = TestCertificateFactory.CreateLeaf(ca, "graph.example.test");
        var pins = new[] { SHA256.HashData(ExtractSpki(ca.RawData)) };

        Assert.True(SpkiPin.MatchesAny([leaf, ca], pins));
    }

    [Fact]
    public void MatchesAny_NoCertificateMatches_False()
    {
        using var ca = TestCertificateFactory.CreateCa("Pin Test CA");
        using var other = TestCertificateFactory.CreateCa("Other CA");
        using var leaf = TestCertificateFactory.CreateLeaf(ca, "graph.example.test");
        var pins = new[] { SHA256.HashData(ExtractSpki(other.RawData)), RandomNumberGenerator.GetBytes(32) };

        Assert.False(SpkiPin.MatchesAny([leaf, ca], pins));
    }

    [Fact]
    public void MatchesAny_SecondOfSeveralPinsMatchesLeaf_True()
    {
        using var ca = TestCertificateFactory.CreateCa("Pin Test CA");
        using var leaf = TestCertificateFactory.CreateLeaf(ca, "graph.example.test");
        var pins = new[] { RandomNumberGenerator.GetBytes(32), SHA256.HashData(ExtractSpki(leaf.RawData)) };

        Assert.True(SpkiPin.MatchesAny([leaf, ca], pins));
    }

    /// <summary>Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serial, sigAlg, issuer, validity, subject, subjectPublicKeyInfo, ... } ... }.</summary>
    private static byte[] ExtractSpki(byte[] certificateDer)
    {
        var certificate = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadSequence();
        tbs.ReadEncodedValue(); // [0] version (present in v3 certificates)
        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature algorithm
        tbs.ReadEncodedValue(); // issuer
        tbs.ReadEncodedValue(); // validity
        tbs.ReadEncodedValue(); // subject
        return tbs.ReadEncodedValue().ToArray(); // subjectPublicKeyInfo
    }
}
