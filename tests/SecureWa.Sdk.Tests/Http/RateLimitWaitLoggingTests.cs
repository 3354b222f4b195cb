using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public sealed class RateLimitWaitLoggingTests
{
    [Fact]
    public async Task Recipient_WaitLongerThanOneSecond_LoggedAtInformationWithoutTheNumber()
    {
        var clock = new FakeTimeProvider();
        var terminal = new ScriptedHandler();
        var logger = new ListLogger<RateLimitWaitLoggingTests>();
        var options = new WhatsAppClientOptions { PhoneNumberId = "1234567" };
        options.RateLimiting.RecipientBurst = 1;
        options.RateLimiting.RecipientInterval = TimeSpan.FromSeconds(6);
        using var registry = new RateLimiterRegistry(clock);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, options, logger) { InnerHandler = terminal });

        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "15550001234"), default);
        var second = invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "15550001234"), default);
        clock.Advance(TimeSpan.FromSeconds(6));
        using var response = await second;

        var entry = Assert.Single(logger.Entries, static e => e.Level == LogLevel.Information);
        Assert.Contains("6", entry.Message, StringComparison.Ordinal);
        Assert.Contains("RecipientBurst", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("15550001234", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_RecipientBurstWithinMetasDocumentedPairBurst()
    {
        // Meta: about one message per 6 s to one user, bursts of up to 45 borrowed from later (error 131056 beyond).
        var options = new WhatsAppRateLimitOptions();

        Assert.Equal(TimeSpan.FromSeconds(6), options.RecipientInterval);
        Assert.InRange(options.RecipientBurst, 5, 45);
    }
}
