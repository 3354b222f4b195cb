using System.Globalization;
using System.Net;
using System.Text;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WebhookEndpointReplayTests
{
    private const string SystemError = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit","error_data":{"details":"Too many messages"}}]},"field":"messages"}]}]}
        """;

    private static byte[] Message(string id, DateTimeOffset timestamp) => Encoding.UTF8.GetBytes($$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"{{{id}}}","timestamp":"{{{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}}}","type":"text","text":{"body":"hi"}}]},"field":"messages"}]}]}
        """);

    [Fact]
    public async Task Post_ErrorsOnlyNotificationTwice_HandlerCalledOnce()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(SystemError);

        using var first = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(body));
        using var second = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Post_ConcurrentCopiesOfABatch_HandlerCalledOnce()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Message("wamid.C1", WebhookServer.PayloadDay))
            .Replace("\"type\":\"text\",\"text\":{\"body\":\"hi\"}}", "\"type\":\"text\",\"text\":{\"body\":\"hi\"}},{\"from\":\"16505551234\",\"id\":\"wamid.C2\",\"type\":\"text\"}", StringComparison.Ordinal));
        var gate = new TaskCompletionSource();
        server.OnNotification = _ => gate.Task;

        var copies = Enumerable.Range(0, 4).Select(_ => server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(body))).ToArray();
        await Task.Delay(300);
        gate.SetResult();
        var responses = await Task.WhenAll(copies);

        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, Assert.Single(server.Received).AllMessages.Count());
    }

    [Fact]
    public async Task Post_NotificationOlderThanTheReplayWindow_Answers200WithoutCallingTheHandler()
    {
        await using var server = await WebhookServer.StartAsync();

        using var stale = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(Message("wamid.OLD", WebhookServer.PayloadDay - TimeSpan.FromHours(25))));
        using var fresh = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(Message("wamid.NEW", WebhookServer.PayloadDay - TimeSpan.FromHours(23))));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("wamid.NEW", Assert.Single(Assert.Single(server.Received).AllMessages).Id);
    }

    [Fact]
    public async Task Post_StaleNotificationAccepted_HandlerCalled()
    {
        await using var server = await WebhookServer.StartAsync(static o => o.AcceptStaleNotifications = true);

        using var stale = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(Message("wamid.OLD", WebhookServer.PayloadDay - TimeSpan.FromDays(3))));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Single(server.Received);
    }
}
