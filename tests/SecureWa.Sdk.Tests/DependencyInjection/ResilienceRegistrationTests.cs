using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Http;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.DependencyInjection;

public class ResilienceRegistrationTests
{
    [Fact]
    public async Task AddSecureWa_ComposesResilienceAndRateLimitingAroundTheTransport()
    {
        var terminal = new ScriptedHandler();
        terminal.Respond(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero).Respond(HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token-value")]));
        services.AddSecureWa(o =>
        {
            o.PhoneNumberId = "1234567";
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.RateLimiting.PhoneNumberBurst = 2;
            o.RateLimiting.PhoneNumberPermitsPerSecond = 1;
            o.RateLimiting.PhoneNumberQueueLimit = 0;
        }).ConfigurePrimaryHttpMessageHandler(() => terminal);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(WhatsAppHttpPipeline.HttpClientName);

        // 429 then 200: retried once inside the pipeline; both attempts took a phone number permit.
        using var response = await client.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, terminal.Count);
        Assert.Equal("Bearer", terminal.Requests[1].Message.Headers.Authorization?.Scheme);

        // The burst of 2 is spent and the queue is 0: refused without reaching the transport.
        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => client.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage)));
        Assert.Equal(2, terminal.Count);
    }

    [Fact]
    public async Task AddSecureWa_RegistryIsOneSingletonOwnedByTheContainer()
    {
        var services = new ServiceCollection();
        services.AddSecureWa().AddSecretProvider(new InMemorySecretProvider([new(SecretNames.AccessToken, "token")]));
        RateLimiterRegistry registry;
        await using (var provider = services.BuildServiceProvider())
        {
            registry = provider.GetRequiredService<RateLimiterRegistry>();
            Assert.Same(registry, provider.GetRequiredService<RateLimiterRegistry>());
            registry.GetPhoneNumberLimiter("42", new SecureWa.Sdk.Http.WhatsAppRateLimitOptions());
            Assert.Equal(1, registry.PhoneNumberCount);
        }

        Assert.Equal(0, registry.PhoneNumberCount);
    }

    [Fact]
    public void AddSecureWa_UsesTheRegisteredTimeProvider()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSecureWa();
        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<RateLimiterRegistry>().TimeProvider);
    }

    [Fact]
    public void Registry_SameLimitsShareALimiter_DifferentLimitsNeverInheritEachOther()
    {
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        var defaults = new SecureWa.Sdk.Http.WhatsAppRateLimitOptions();
        var sameAsDefaults = new SecureWa.Sdk.Http.WhatsAppRateLimitOptions();
        var raisedTier = new SecureWa.Sdk.Http.WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 250, RecipientBurst = 20 };

        Assert.Same(registry.GetPhoneNumberLimiter("42", defaults), registry.GetPhoneNumberLimiter("42", sameAsDefaults));
        Assert.NotSame(registry.GetPhoneNumberLimiter("42", defaults), registry.GetPhoneNumberLimiter("42", raisedTier));
        Assert.NotSame(registry.GetPhoneNumberLimiter("42", defaults), registry.GetPhoneNumberLimiter("43", defaults));
        Assert.Same(registry.GetRecipientLimiter(defaults), registry.GetRecipientLimiter(sameAsDefaults));
        Assert.NotSame(registry.GetRecipientLimiter(defaults), registry.GetRecipientLimiter(raisedTier));
    }
}
