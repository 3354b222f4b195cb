using Microsoft.Extensions.Configuration;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Media;

namespace SecureWa.Sdk.Tests.Media;

public class WhatsAppMediaOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new WhatsAppClientOptions();

        Assert.Empty(options.Media.AllowedDownloadHosts);
        Assert.Equal(100L * 1024 * 1024, options.Media.MaxDownloadBytes);
        Assert.True(new WhatsAppClientOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("lookaside.fbsbx.com")]
    [InlineData(".fbsbx.com")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    [InlineData("xn--bcher-kva.example")]
    public void Validate_WellFormedHost_Passes(string host)
    {
        var failures = new List<string>();

        new WhatsAppMediaOptions { AllowedDownloadHosts = [host] }.Validate(failures);

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("*.fbsbx.com")]
    [InlineData("*")]
    [InlineData("https://lookaside.fbsbx.com")]
    [InlineData("lookaside.fbsbx.com/whatsapp_business")]
    [InlineData("lookaside.fbsbx.com:443")]
    [InlineData("user@lookaside.fbsbx.com")]
    [InlineData(".com")]
    [InlineData(".")]
    [InlineData(".127.0.0.1")]
    [InlineData("bücher.example")]
    [InlineData("::1")]
    [InlineData("lookaside.fbsbx.com.")]
    public void Validate_MalformedHost_Fails(string host)
    {
        var failures = new List<string>();

        new WhatsAppMediaOptions { AllowedDownloadHosts = ["lookaside.fbsbx.com", host] }.Validate(failures);

        var failure = Assert.Single(failures);
        Assert.StartsWith("Media.AllowedDownloadHosts[1] ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_NonPositiveMaxDownloadBytes_Fails(long value)
    {
        var failures = new List<string>();

        new WhatsAppMediaOptions { MaxDownloadBytes = value }.Validate(failures);

        Assert.Contains(failures, f => f.Contains("MaxDownloadBytes", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientValidator_ReportsMediaFailures()
    {
        var options = new WhatsAppClientOptions();
        options.Media.AllowedDownloadHosts.Add("*.evil.example");

        var result = new WhatsAppClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Media.AllowedDownloadHosts[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Binding_FromConfiguration_ReplacesTheDefaultHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:AllowedDownloadHosts:0"] = "127.0.0.1",
            ["Media:MaxDownloadBytes"] = "1024",
        }).Build();
        var options = new WhatsAppClientOptions();

        configuration.Bind(options);

        Assert.Equal(["127.0.0.1"], options.Media.AllowedDownloadHosts);
        Assert.Equal(1024, options.Media.MaxDownloadBytes);
    }
}
