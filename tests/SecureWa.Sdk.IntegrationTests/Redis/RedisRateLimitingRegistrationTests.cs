using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisRateLimitingRegistrationTests(RedisFixture redis)
{
    [Fact]
    public async Task AddSecureWa_UseRedisRateLimiting_SendsCountOnRedisUnderHashedKeys()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, "redis-registration-token");
        secrets.Set(SecretNames.AppSecret, "redis-registration-app-secret");
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(secrets);
        services.AddSecureWa(o =>
            {
                o.BaseAddress = new Uri("https://graph.example/");
                o.PhoneNumberId = "106540352242922";
                o.RateLimiting.RecipientBurst = 1;
                o.RateLimiting.RecipientInterval = TimeSpan.FromMinutes(1);
                o.RateLimiting.MaxWait = TimeSpan.Zero;
            })
            .UseRedisRateLimiting(redis.ConnectionString, o =>
            {
                o.InstanceCount = 2;
                o.KeyPrefix = prefix;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SentHandler());
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<WhatsAppClient>();

        var sent = await client.Messages.SendAsync(new TextMessage("+16505551234", "hello"));
        var refused = await Assert.ThrowsAsync<Errors.WhatsAppRateLimitExceededException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "again")));

        Assert.Equal("wamid.SENT", sent.MessageId);
        Assert.Equal(Errors.WhatsAppRateLimitScope.Recipient, refused.Scope);
        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key.ToString());
        }

        Assert.Contains(prefix + "rl:p:106540352242922", keys);
        Assert.Contains(keys, k => k.StartsWith(prefix + "rl:r:", StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain("6505551234", k, StringComparison.Ordinal));
    }

    private sealed class SentHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.SENT"}]}""", Encoding.UTF8, "application/json"),
            });
    }
}
