using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Http;

namespace SecureWa.Sdk.Tests.Http;

public class WhatsAppTransportOptionsTests
{
    private static string ValidPin() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static List<string> Validate(WhatsAppTransportOptions transport)
    {
        var failures = new List<string>();
        transport.Validate(failures);
        return failures;
    }

    [Fact]
    public void Validate_Defaults_NoFailures()
    {
        Assert.Empty(Validate(new WhatsAppTransportOptions()));
    }

    [Fact]
    public void Validate_SeveralValidPins_NoFailures()
    {
        var options = new WhatsAppTransportOptions { SpkiPins = [ValidPin(), ValidPin(), ValidPin()], PinMode = SpkiPinMode.ReportOnly };

        Assert.Empty(Validate(options));
        Assert.Equal(3, options.DecodePins().Length);
    }

    [Fact]
    public void Validate_PinNotBase64_FailureNamesIndex()
    {
        var options = new WhatsAppTransportOptions { SpkiPins = [ValidPin(), "not*base64!"] };

        var failure = Assert.Single(Validate(options));

        Assert.Contains("Transport.SpkiPins[1]", failure, StringComparison.Ordinal);
        Assert.Contains("not valid base64", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PinOfSha1Length_FailureNamesIndexAndLength()
    {
        var sha1Length = Convert.ToBase64String(RandomNumberGenerator.GetBytes(20));
        var options = new WhatsAppTransportOptions { SpkiPins = [sha1Length] };

        var failure = Assert.Single(Validate(options));

        Assert.Contains("Transport.SpkiPins[0]", failure, StringComparison.Ordinal);
        Assert.Contains("20 bytes", failure, StringComparison.Ordinal);
        Assert.Contains("32 bytes", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyPin_FailureNamesIndex()
    {
        var options = new WhatsAppTransportOptions { SpkiPins = [ValidPin(), ValidPin(), " "] };

        var failure = Assert.Single(Validate(options));

        Assert.Contains("Transport.SpkiPins[2] is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedPinMode_Failure()
    {
        var options = new WhatsAppTransportOptions { PinMode = (SpkiPinMode)7 };

        Assert.Contains(Validate(options), f => f.Contains("Transport.PinMode", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndefinedRevocationMode_Failure()
    {
        var options = new WhatsAppTransportOptions { CertificateRevocationMode = (System.Security.Cryptography.X509Certificates.X509RevocationMode)9 };

        Assert.Contains(Validate(options), f => f.Contains("Transport.CertificateRevocationMode", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingTrustAnchorFile_FailureNamesIndex()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pem");
        var options = new WhatsAppTransportOptions { TrustAnchorPaths = [missing] };

        var failure = Assert.Single(Validate(options));

        Assert.Contains("Transport.TrustAnchorPaths[0]", failure, StringComparison.Ordinal);
        Assert.Contains("does not exist", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrustAnchorFileNotACertificate_Failure()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "hello");
            var options = new WhatsAppTransportOptions { TrustAnchorPaths = [path] };

            var failure = Assert.Single(Validate(options));

            Assert.Contains("Transport.TrustAnchorPaths[0]", failure, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadTrustAnchors_PemAndDerFilesAndCode_AllLoaded()
    {
        using var pemCa = TestCertificateFactory.CreateCa("PEM CA");
        using var derCa = TestCertificateFactory.CreateCa("DER CA");
        using var codeCa = TestCertificateFactory.CreateCa("Code CA");
        var pemPath = Path.GetTempFileName();
        var derPath = Path.GetTempFileName();
        try
        {
            File.WriteAllText(pemPath, pemCa.ExportCertificatePem());
            File.WriteAllBytes(derPath, derCa.RawData);
            var options = new WhatsAppTransportOptions { TrustAnchorPaths = [pemPath, derPath] };
            options.AddTrustAnchor(codeCa);

            Assert.Empty(Validate(options));
            var anchors = options.LoadTrustAnchors();

            Assert.Equal(
                new[] { codeCa.Thumbprint, pemCa.Thumbprint, derCa.Thumbprint },
                anchors.Select(static c => c.Thumbprint).ToArray());
            Assert.All(anchors, static c => Assert.False(c.HasPrivateKey));
        }
        finally
        {
            File.Delete(pemPath);
            File.Delete(derPath);
        }
    }

    [Fact]
    public void ClientOptionsValidator_BadPin_FailsWithTransportMessage()
    {
        var options = new WhatsAppClientOptions();
        options.Transport.SpkiPins.Add("AAAA");

        var result = new WhatsAppClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Transport.SpkiPins[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_FromConfiguration_PinsModeAndPathsBound()
    {
        var pin = ValidPin();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WhatsApp:Transport:SpkiPins:0"] = pin,
                ["WhatsApp:Transport:PinMode"] = "ReportOnly",
                ["WhatsApp:Transport:RequireTls13"] = "true",
                ["WhatsApp:Transport:TrustAnchorPaths:0"] = "/etc/ssl/private-ca.pem",
            })
            .Build();
        var options = new WhatsAppClientOptions();

        configuration.GetSection("WhatsApp").Bind(options);

        Assert.Equal([pin], options.Transport.SpkiPins);
        Assert.Equal(SpkiPinMode.ReportOnly, options.Transport.PinMode);
        Assert.True(options.Transport.RequireTls13);
        Assert.Equal(["/etc/ssl/private-ca.pem"], options.Transport.TrustAnchorPaths);
    }
}
