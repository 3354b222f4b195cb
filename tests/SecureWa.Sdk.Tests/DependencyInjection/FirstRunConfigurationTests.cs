using Microsoft.Extensions.Logging;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Messages;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.DependencyInjection;

public sealed class FirstRunConfigurationTests
{
    [Theory]
    [InlineData("https://graph.facebook.com/v23.0/")]
    [InlineData("https://graph.facebook.com/v23.0")]
    [InlineData("http://127.0.0.1:8080/graph/")]
    public void Validate_BaseAddressWithAPath_FailsNamingBaseAddress(string baseAddress)
    {
        var result = new WhatsAppClientOptionsValidator().Validate(null, new WhatsAppClientOptions { BaseAddress = new Uri(baseAddress), PhoneNumberId = "1" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, static f => f.Contains("BaseAddress", StringComparison.Ordinal) && f.Contains("path", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://graph.facebook.com/")]
    [InlineData("https://graph.facebook.com")]
    [InlineData("http://127.0.0.1:8080/")]
    public void Validate_BaseAddressWithoutAPath_Succeeds(string baseAddress)
    {
        var result = new WhatsAppClientOptionsValidator().Validate(null, new WhatsAppClientOptions { BaseAddress = new Uri(baseAddress), PhoneNumberId = "1" });

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Fact]
    public async Task SendAsync_NoPhoneNumberIdConfigured_MessageNamesTheConfigurationKey()
    {
        using var httpClient = new HttpClient(StubGraphHandler.Sent());
        using var client = new WhatsAppClient(httpClient, new WhatsAppClientOptions(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Contains("configuration key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WhatsApp:PhoneNumberId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LogsHostApiVersionAndPhoneNumberIdOnceAtInformation()
    {
        var logger = new ListLogger<WhatsAppClient>();
        using var factory = new SingleLoggerFactory(logger);
        var options = new WhatsAppClientOptions { PhoneNumberId = "106540352242922", ApiVersion = "v24.0" };

        using var client = new WhatsAppClient(options, new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-first-run")]), factory);

        var entry = Assert.Single(logger.Entries, static e => e.Level == LogLevel.Information);
        Assert.Contains("graph.facebook.com", entry.Message, StringComparison.Ordinal);
        Assert.Contains("v24.0", entry.Message, StringComparison.Ordinal);
        Assert.Contains("106540352242922", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG-first-run", entry.Message, StringComparison.Ordinal);
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
