using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WhatsAppWebhookEndpointTests
{
    private const string TextMessage = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.INTEGRATION1","timestamp":"1739321024","type":"text","text":{"body":"Ol\u00e1! Does it come in another color?"}}]},"field":"messages"}]}]}
        """;

    private static HttpRequestMessage SignedPost(string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, signature);
        }

        return request;
    }

    private static string Sign(string body, string secret = WebhookServer.AppSecret) =>
        WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(secret), Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Post_ValidSignature_Returns200AndCallsHandlerWithParsedData()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notification = Assert.Single(server.Received);
        var message = Assert.Single(notification.AllMessages);
        Assert.Equal("wamid.INTEGRATION1", message.Id);
        Assert.Equal(WebhookMessageKind.Text, message.Kind);
        Assert.Equal("Olá! Does it come in another color?", message.Text!.Body);
        Assert.Equal("106540352242922", notification.Entries[0].Changes[0].Value!.Metadata!.PhoneNumberId);
    }

    [Fact]
    public async Task Post_ForgedSignature_Returns401AndHandlerNotCalledAndMetricCounted()
    {
        await using var server = await WebhookServer.StartAsync();
        var rejected = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SecureWaDiagnostics.MeterName && instrument.Name == "securewa.webhooks.signature_rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (rejected)
            {
                foreach (var tag in tags)
                {
                    rejected.Add(tag.Value as string);
                }
            }
        });
        listener.Start();

        using var forged = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage, "attacker-guess")));
        using var tampered = await server.Client.SendAsync(SignedPost(TextMessage.Replace("another color", "a refund", StringComparison.Ordinal), Sign(TextMessage)));
        using var malformed = await server.Client.SendAsync(SignedPost(TextMessage, "sha256=not-hex"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Empty(server.Received);
        lock (rejected)
        {
            Assert.Equal(2, rejected.Count(static r => r == "mismatch"));
            Assert.Contains("malformed_header", rejected);
        }
    }

    [Fact]
    public async Task Post_MissingSignature_Returns401AndHandlerNotCalled()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Client.SendAsync(SignedPost(TextMessage, signature: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Post_MalformedJsonWithValidSignature_Returns400()
    {
        await using var server = await WebhookServer.StartAsync();
        const string body = "{\"object\":\"whatsapp_business_account\",\"entry\":[";

        using var response = await server.Client.SendAsync(SignedPost(body, Sign(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Post_OversizeWithContentLength_Returns413()
    {
        await using var server = await WebhookServer.StartAsync(static o => o.MaxBodySize = 1024);
        var body = "{\"object\":\"" + new string('x', 2048) + "\"}";

        using var response = await server.Client.SendAsync(SignedPost(body, Sign(body)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Post_OversizeChunkedWithoutContentLength_Returns413()
    {
        await using var server = await WebhookServer.StartAsync(static o => o.MaxBodySize = 1024);
        var body = Encoding.UTF8.GetBytes("{\"object\":\"" + new string('x', 4096) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Path)
        {
            Content = new StreamContent(new NonSeekableStream(body)),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(WebhookServer.AppSecret), body));

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Post_Replay_Returns200AndHandlerCalledOnce()
    {
        await using var server = await WebhookServer.StartAsync();

        using var first = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));
        using var second = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Post_HandlerThrows_Returns500AndRetryIsHandled()
    {
        await using var server = await WebhookServer.StartAsync();
        var calls = 0;
        server.OnNotification = _ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("database down") : Task.CompletedTask;

        using var first = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));
        using var retry = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Post_AppSecretRotated_NewSecretAcceptedAndOldRejected()
    {
        await using var server = await WebhookServer.StartAsync();
        using var before = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        server.Secrets.Set(SecretNames.AppSecret, "rotated-app-secret-abcdef");
        var next = TextMessage.Replace("wamid.INTEGRATION1", "wamid.INTEGRATION2", StringComparison.Ordinal);
        using var oldSecret = await server.Client.SendAsync(SignedPost(next, Sign(next)));
        using var newSecret = await server.Client.SendAsync(SignedPost(next, Sign(next, "rotated-app-secret-abcdef")));

        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newSecret.StatusCode);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task Post_PreviousSecretConfigured_BothSecretsAccepted()
    {
        await using var server = await WebhookServer.StartAsync(static o => o.PreviousAppSecretName = "AppSecretPrevious");
        server.Secrets.Set("AppSecretPrevious", "previous-app-secret-xyz");
        var next = TextMessage.Replace("wamid.INTEGRATION1", "wamid.INTEGRATION3", StringComparison.Ordinal);

        using var current = await server.Client.SendAsync(SignedPost(TextMessage, Sign(TextMessage)));
        using var previous = await server.Client.SendAsync(SignedPost(next, Sign(next, "previous-app-secret-xyz")));

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, previous.StatusCode);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task Get_GoodHandshake_EchoesChallenge()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Client.GetAsync($"{WebhookServer.Path}?hub.mode=subscribe&hub.verify_token={WebhookServer.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token", "1158201444")]
    [InlineData("unsubscribe", WebhookServer.VerifyToken, "1158201444")]
    [InlineData("subscribe", WebhookServer.VerifyToken, "%3Cscript%3E")]
    public async Task Get_BadHandshake_Returns403(string mode, string token, string challenge)
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Client.GetAsync($"{WebhookServer.Path}?hub.mode={mode}&hub.verify_token={token}&hub.challenge={challenge}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_NoQuery_Returns403()
    {
        await using var server = await WebhookServer.StartAsync();
        using var response = await server.Client.GetAsync(WebhookServer.Path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
