using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Flows;

/// <summary>The flow endpoint on a real Kestrel server, against requests encrypted as Meta does (test-side crypto).</summary>
public sealed class WhatsAppFlowEndpointTests
{
    private const string CustomerName = "Ada Lovelace-7f3a";
    private const string FlowToken = "flow-token-secret-c0ffee";

    [Fact]
    public async Task Ping_AnsweredByTheEndpointEncrypted_HandlerNotCalled()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"ping"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"status":"active"}}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Init_DispatchedToHandler_ResponseEncryptedWithFlippedIv()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        server.Respond = static r => WhatsAppFlowResponse.NavigateTo("WELCOME", JsonDocument.Parse("""{"greeting":"hello"}""").RootElement);
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest($$"""{"version":"3.0","action":"INIT","flow_token":"{{FlowToken}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"screen":"WELCOME","data":{"greeting":"hello"}}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
        var received = Assert.Single(server.Received);
        Assert.Equal(FlowRequestAction.Init, received.Action);
        Assert.Null(received.Screen);
        Assert.Equal(FlowToken, received.Token);
        Assert.Equal("3.0", received.Version);
    }

    [Fact]
    public async Task DataExchange_ScreenAndDataReachHandler_CloseAnswered()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        server.Respond = static r => WhatsAppFlowResponse.Close(r.FlowToken!, JsonDocument.Parse("""{"booked":true}""").RootElement);
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest($$"""{"version":"3.0","action":"data_exchange","screen":"DETAILS","data":{"name":"{{CustomerName}}"},"flow_token":"{{FlowToken}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$$$$"""{"screen":"SUCCESS","data":{"extension_message_response":{"params":{"flow_token":"{{{{{FlowToken}}}}}","booked":true}}}}""",
            meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
        var received = Assert.Single(server.Received);
        Assert.Equal(FlowRequestAction.DataExchange, received.Action);
        Assert.Equal("DETAILS", received.Screen);
        Assert.Equal($$"""{"name":"{{CustomerName}}"}""", received.Data);
        Assert.False(received.IsError);
    }

    [Fact]
    public async Task Back_DispatchedToHandler()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        server.Respond = static r => WhatsAppFlowResponse.NavigateTo(r.Screen!);
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"BACK","screen":"PICK_DATE","flow_token":"t"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"screen":"PICK_DATE","data":{}}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
        Assert.Equal(FlowRequestAction.Back, Assert.Single(server.Received).Action);
    }

    [Fact]
    public async Task ErrorNotification_HandlerSeesIt_EndpointAcknowledges()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"data_exchange","screen":"DETAILS","data":{"error":"INVALID_SCREEN","error_message":"Screen not found"},"flow_token":"t"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"acknowledged":true}}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
        Assert.True(Assert.Single(server.Received).IsError);
    }

    [Fact]
    public async Task BadSignature_432_NothingDecryptedNorHandled()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        var meta = server.NewMeta();
        var body = meta.EncryptRequest("""{"version":"3.0","action":"INIT"}""");

        using var wrong = await server.PostAsync(body, signature: "sha256=" + new string('0', 64));
        using var missing = await server.PostAsync(body, sign: false);
        using var malformed = await server.PostAsync(body, signature: "sha1=abc");

        Assert.Equal(432, (int)wrong.StatusCode);
        Assert.Equal(432, (int)missing.StatusCode);
        Assert.Equal(432, (int)malformed.StatusCode);
        Assert.Empty(server.Received);
        Assert.DoesNotContain(server.Logs.Entries, e => e.Text.Contains("Flow private key loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignatureOfAnotherBody_432()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        var meta = server.NewMeta();
        var signedBody = meta.EncryptRequest("""{"version":"3.0","action":"INIT"}""");
        var signature = SecureWa.Sdk.Webhooks.WebhookSignatureVerifier.ComputeSignatureHeader(new SecureWa.Sdk.Secrets.SecretValue(FlowEndpointServer.AppSecret), System.Text.Encoding.UTF8.GetBytes(signedBody));

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"BACK"}"""), signature);

        Assert.Equal(432, (int)response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Undecryptable_421()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        using var otherKey = RSA.Create(2048);

        using var wrongKey = await server.PostAsync(new MetaFlowCrypto(otherKey).EncryptRequest("""{"action":"INIT"}"""));
        using var tampered = await server.PostAsync(server.NewMeta().EncryptRequest("""{"action":"INIT"}""", tamper: static d => { d[0] ^= 0xFF; return d; }));
        using var shortIv = await server.PostAsync(server.NewMeta(ivLength: 12).EncryptRequest("""{"action":"INIT"}"""));
        using var notEnvelope = await server.PostAsync("""{"hello":"world"}""");
        using var notJson = await server.PostAsync("not json at all");

        Assert.Equal(421, (int)wrongKey.StatusCode);
        Assert.Equal(421, (int)tampered.StatusCode);
        Assert.Equal(421, (int)shortIv.StatusCode);
        Assert.Equal(421, (int)notEnvelope.StatusCode);
        Assert.Equal(421, (int)notJson.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task HandlerTypedError_StatusAndEncryptedErrorMsg()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        server.Respond = static _ => throw WhatsAppFlowErrorException.TokenNoLongerValid("This order was already placed.");
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"INIT","flow_token":"t"}"""));

        Assert.Equal(427, (int)response.StatusCode);
        Assert.Equal("""{"error_msg":"This order was already placed."}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task HandlerThrows_500WithoutBody_ExceptionMessageNotLogged()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        server.Respond = static r => throw new InvalidOperationException("failed for " + CustomerName);
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest($$$"""{"version":"3.0","action":"data_exchange","screen":"S","data":{"name":"{{{CustomerName}}}"}}"""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(server.Logs.Entries, e => e.Text.Contains("System.InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Text.Contains(CustomerName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BodyOverCap_413()
    {
        await using var server = await FlowEndpointServer.StartAsync(o => o.MaxBodySize = 4096);

        using var response = await server.PostAsync(new string('x', 5000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_405()
    {
        await using var server = await FlowEndpointServer.StartAsync();

        using var response = await server.Client.GetAsync(FlowEndpointServer.Path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task PassphraseProtectedKey_Decrypts()
    {
        await using var server = await FlowEndpointServer.StartAsync(passphrase: "flows-pass-phrase-91");
        var meta = server.NewMeta();

        using var response = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"ping"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"status":"active"}}""", meta.DecryptResponse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task RequireValidFlowToken_OurTokenPasses_OtherRefused427()
    {
        await using var server = await FlowEndpointServer.StartAsync(o => o.RequireValidFlowToken = true);
        var protector = (FlowTokenProtector)server.Services.GetService(typeof(FlowTokenProtector))!;
        var token = await protector.CreateAsync("order-42");
        var meta = server.NewMeta();
        var forgedMeta = server.NewMeta();

        using var ok = await server.PostAsync(meta.EncryptRequest($$"""{"version":"3.0","action":"INIT","flow_token":"{{token}}"}"""));
        using var forged = await server.PostAsync(forgedMeta.EncryptRequest("""{"version":"3.0","action":"INIT","flow_token":"made-up"}"""));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(427, (int)forged.StatusCode);
        Assert.Contains("error_msg", forgedMeta.DecryptResponse(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task CapturedLogs_HoldNoDecryptedDataTokenOrKey()
    {
        await using var server = await FlowEndpointServer.StartAsync();
        var meta = server.NewMeta();
        server.Respond = static r => WhatsAppFlowResponse.NavigateTo("NEXT", JsonDocument.Parse($$"""{"echo":"{{CustomerName}}"}""").RootElement);

        using var ping = await server.PostAsync(meta.EncryptRequest("""{"version":"3.0","action":"ping"}"""));
        using var exchange = await server.PostAsync(server.NewMeta().EncryptRequest($$"""{"version":"3.0","action":"data_exchange","screen":"S","data":{"name":"{{CustomerName}}"},"flow_token":"{{FlowToken}}"}"""));
        using var tampered = await server.PostAsync(server.NewMeta().EncryptRequest($$$"""{"action":"INIT","data":{"name":"{{{CustomerName}}}"}}""", tamper: static d => { d[1] ^= 1; return d; }));
        using var unsigned = await server.PostAsync(server.NewMeta().EncryptRequest("""{"action":"INIT"}"""), sign: false);

        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var pem = (await server.Secrets.GetSecretAsync(FlowSecretNames.PrivateKey)).Reveal();
        var keyBody = pem.Split('\n')[1];
        var forbidden = new[] { CustomerName, FlowToken, keyBody, FlowEndpointServer.AppSecret, Convert.ToBase64String(meta.AesKey), "encrypted_flow_data" };
        Assert.NotEmpty(server.Logs.Entries);
        foreach (var entry in server.Logs.Entries)
        {
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, entry.Text, StringComparison.Ordinal);
            }
        }

        // The telemetry that was written names outcomes, not contents.
        Assert.Contains(server.Logs.Entries, e => e.Text.Contains("AuthenticationFailed", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Entries, e => e.Text.Contains("signature missing_header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowBody_408AfterReadTimeout()
    {
        await using var server = await FlowEndpointServer.StartAsync(o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST {FlowEndpointServer.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"encrypted";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, cts.Token);

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Metrics_CountActionAndOutcome_WithOnlyThoseTags()
    {
        var measurements = new System.Collections.Concurrent.ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = static (instrument, l) =>
        {
            if (instrument.Name == "securewa.flows.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Enqueue((value, tags.ToArray())));
        listener.Start();
        await using var server = await FlowEndpointServer.StartAsync();

        using var ping = await server.PostAsync(server.NewMeta().EncryptRequest("""{"version":"3.0","action":"ping"}"""));
        using var init = await server.PostAsync(server.NewMeta().EncryptRequest($$"""{"version":"3.0","action":"INIT","flow_token":"{{FlowToken}}"}"""));
        using var unsigned = await server.PostAsync("{}", sign: false);

        var seen = measurements.Select(m => string.Join(",", m.Tags.OrderBy(t => t.Key).Select(t => t.Key + "=" + t.Value))).ToList();
        Assert.Contains("action=ping,outcome=ok", seen);
        Assert.Contains("action=INIT,outcome=ok", seen);
        Assert.Contains("action=none,outcome=signature_rejected", seen);
        Assert.All(measurements, m => Assert.Equal(["action", "outcome"], m.Tags.Select(t => t.Key).Order()));
        Assert.DoesNotContain(seen, s => s.Contains(FlowToken, StringComparison.Ordinal));
    }
}
