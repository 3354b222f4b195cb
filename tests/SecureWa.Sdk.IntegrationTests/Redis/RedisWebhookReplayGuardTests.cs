using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.IntegrationTests.Webhooks;
using SecureWa.Sdk.Redis;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisWebhookReplayGuardTests(RedisFixture redis)
{
    [Fact]
    public async Task Redelivery_ToAnotherInstance_IsDroppedWith200()
    {
        var prefix = NewPrefix();
        await using var first = await WebhookServer.StartAsync(configureServices: s => s.UseRedisReplayGuard(redis.Connection, o => o.KeyPrefix = prefix));
        await using var second = await WebhookServer.StartAsync(configureServices: s => s.UseRedisReplayGuard(redis.Connection, o => o.KeyPrefix = prefix));
        var body = Delivery("wamid.REDIS" + Guid.NewGuid().ToString("N"));

        using var delivered = await first.Client.SendAsync(SignedPost(body));
        using var redelivered = await second.Client.SendAsync(SignedPost(body));

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Single(first.Received);
        Assert.Empty(second.Received);
    }

    [Fact]
    public async Task HandlerFailed_OnOneInstance_RetryOnAnotherIsHandled()
    {
        var prefix = NewPrefix();
        await using var first = await WebhookServer.StartAsync(configureServices: s => s.UseRedisReplayGuard(redis.Connection, o => o.KeyPrefix = prefix));
        await using var second = await WebhookServer.StartAsync(configureServices: s => s.UseRedisReplayGuard(redis.Connection, o => o.KeyPrefix = prefix));
        first.OnNotification = _ => throw new InvalidOperationException("handler down");
        var body = Delivery("wamid.REDIS" + Guid.NewGuid().ToString("N"));

        using var failed = await first.Client.SendAsync(SignedPost(body));
        using var retried = await second.Client.SendAsync(SignedPost(body));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(second.Received);
    }

    [Fact]
    public async Task ConcurrentCopies_OfAMultiIdBatch_ExactlyOnePasses()
    {
        var options = new RedisReplayGuardOptions { KeyPrefix = NewPrefix() };
        var guards = new[] { new RedisWebhookReplayGuard(redis.Connection, options), new RedisWebhookReplayGuard(redis.Connection, options) };
        var parser = new WebhookParser();
        for (var batch = 0; batch < 40; batch++)
        {
            var ids = Enumerable.Range(0, 5).Select(_ => "wamid.B" + Guid.NewGuid().ToString("N")).ToArray();
            var body = Encoding.UTF8.GetBytes(Delivery(ids));
            var notification = parser.ParseUnverified(body);
            var passed = new ConcurrentBag<bool>();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(copy => Task.Run(async () =>
                passed.Add(!await guards[copy % 2].IsReplayAsync(notification, body)))));
            Assert.Equal(1, passed.Count(p => p));
        }
    }

    [Fact]
    public async Task ErrorsOnlyNotification_SameBodyTwice_SecondIsAReplay()
    {
        var options = new RedisReplayGuardOptions { KeyPrefix = NewPrefix() };
        var a = new RedisWebhookReplayGuard(redis.Connection, options);
        var b = new RedisWebhookReplayGuard(redis.Connection, options);
        var body = Encoding.UTF8.GetBytes($$"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"errors":[{"code":131000,"title":"Something went wrong {{Guid.NewGuid():N}}"}]},"field":"messages"}]}]}
            """);
        var notification = new WebhookParser().ParseUnverified(body);

        Assert.False(await a.IsReplayAsync(notification, body));
        Assert.True(await b.IsReplayAsync(notification, body));
    }

    [Fact]
    public async Task ReplayKeys_InRedis_AreHashesWithExpiry()
    {
        var options = new RedisReplayGuardOptions { KeyPrefix = NewPrefix(), Window = TimeSpan.FromMinutes(10) };
        var guard = new RedisWebhookReplayGuard(redis.Connection, options);
        var body = Encoding.UTF8.GetBytes(Delivery("wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTdCRTBDM0I3RDc1OEQ5QjA4RgA="));
        Assert.False(await guard.IsReplayAsync(new WebhookParser().ParseUnverified(body), body));

        var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: options.KeyPrefix + "*"))
        {
            keys.Add(key.ToString());
        }

        var stored = Assert.Single(keys);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(options.KeyPrefix) + @"\{replay\}:[0-9a-f]{32}$", stored);
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(stored);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Options_InvalidWindow_FailOnStart()
    {
        var services = new ServiceCollection();
        services.UseRedisReplayGuard(redis.Connection, o => o.Window = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisReplayGuardOptions>>().Value);
        Assert.Contains("Window", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimitingOptions_WithoutInstanceCount_FailOnStart()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider());
        services.AddSecureWa(o => o.PhoneNumberId = "1").UseRedisRateLimiting(redis.Connection, _ => { });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisRateLimitingOptions>>().Value);
        Assert.Contains("InstanceCount", ex.Message, StringComparison.Ordinal);
    }

    private static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..8] + ":";

    private static string Delivery(params string[] ids)
    {
        var messages = string.Join(",", ids.Select(id => $$$"""{"from":"16505551234","id":"{{{id}}}","timestamp":"1739321024","type":"text","text":{"body":"hi"}}"""));
        return $$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{{messages}}]},"field":"messages"}]}]}
            """;
    }

    private static HttpRequestMessage SignedPost(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(WebhookServer.AppSecret), bytes));
        return request;
    }
}
