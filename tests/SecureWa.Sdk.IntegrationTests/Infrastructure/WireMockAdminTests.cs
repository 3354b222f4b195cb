using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

[Collection(WireMockCollection.Name)]
public sealed class WireMockAdminTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static HttpClient CreateRawClient(Uri baseUri) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Fixture_Started_AnswersHealthyOnLoopback()
    {
        Assert.True(await Admin.IsHealthyAsync());
        Assert.Equal("127.0.0.1", WireMock.BaseUri.Host);
        Assert.Equal(Uri.UriSchemeHttp, WireMock.BaseUri.Scheme);
    }

    [Fact]
    public async Task Fixture_Started_ListensOnLoopbackOnlyNotOnTheMachinesOtherAddresses()
    {
        Assert.NotEmpty(WireMock.Server.BoundUrls);
        Assert.All(WireMock.Server.BoundUrls, url => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), $"{url} is not loopback"));

        var port = WireMock.BaseUri.Port;
        using (var loopback = new TcpClient())
        {
            await loopback.ConnectAsync(IPAddress.Loopback, port);
            Assert.True(loopback.Connected);
        }

        var otherAddresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        foreach (var address in otherAddresses)
        {
            using var client = new TcpClient(address.AddressFamily);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var error = await Assert.ThrowsAnyAsync<Exception>(async () => await client.ConnectAsync(address, port, timeout.Token));
            Assert.True(error is SocketException or OperationCanceledException, $"{address}:{port}: {error}");
        }
    }

    [Fact]
    public async Task StubAsync_JsonStub_IsServedAndJournaledWithMethodPathHeaderAndBody()
    {
        await Admin.StubAsync(
            new RequestPattern
            {
                Method = "POST",
                UrlPath = "/v23.0/1234/messages",
                Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer abc") },
            },
            ResponseDefinition.Json(200, new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["id"] = "wamid.1" }) }));

        using var client = CreateRawClient(WireMock.BaseUri);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v23.0/1234/messages?x=1")
        {
            Content = new StringContent("""{"to":"16505551234","type":"text"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("wamid.1", body!["messages"]![0]!["id"]!.GetValue<string>());

        var logged = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("POST", logged.Method);
        Assert.Equal("/v23.0/1234/messages", logged.Path);
        Assert.Equal("/v23.0/1234/messages?x=1", logged.Url);
        Assert.Equal(["1"], logged.QueryParams["x"]);
        Assert.Equal("Bearer abc", logged.Header("authorization"));
        Assert.StartsWith("application/json", logged.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"text","to":"16505551234"}"""), logged.BodyAsJson()));
        Assert.Equal("""{"to":"16505551234","type":"text"}""", Encoding.UTF8.GetString(logged.BodyBytes()));
    }

    [Fact]
    public async Task StubAsync_HeaderAbsentAndQueryAndJsonBodyPatterns_MatchOnlyWhenAllHold()
    {
        await Admin.StubAsync(new StubMapping
        {
            Request = new RequestPattern
            {
                Method = "POST",
                UrlPathPattern = "/v[0-9.]+/[0-9]+/messages",
                Headers = new() { ["X-Forbidden"] = StringValuePattern.IsAbsent(), ["Content-Type"] = StringValuePattern.Matching("application/json.*") },
                QueryParameters = new() { ["mode"] = StringValuePattern.IsEqualTo("strict") },
                BodyPatterns = [ContentPattern.JsonEqualTo(new JsonObject { ["type"] = "text" }, ignoreExtraElements: true)],
            },
            Response = ResponseDefinition.Empty(201),
        });

        using var client = CreateRawClient(WireMock.BaseUri);
        async Task<HttpStatusCode> PostAsync(string url, string json, bool forbiddenHeader = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (forbiddenHeader)
            {
                request.Headers.Add("X-Forbidden", "1");
            }

            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Created, await PostAsync("/v23.0/42/messages?mode=strict", """{"type":"text","to":"1"}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/v23.0/42/messages?mode=strict", """{"type":"image"}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/v23.0/42/messages?mode=lax", """{"type":"text"}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/v23.0/42/messages?mode=strict", """{"type":"text"}""", forbiddenHeader: true));

        Assert.Equal(4, (await Admin.FindRequestsAsync("POST", "/v23.0/42/messages")).Count);
        Assert.Equal(1, await Admin.CountRequestsAsync(new RequestPattern { Method = "POST", QueryParameters = new() { ["mode"] = StringValuePattern.IsEqualTo("lax") } }));
        Assert.Equal(3, (await Admin.GetUnmatchedRequestsAsync()).Count);
    }

    [Fact]
    public async Task ResetAsync_AfterStubAndRequest_ClearsStubsAndJournal()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/ping"), ResponseDefinition.Text(200, "pong", "text/plain"));
        using var client = CreateRawClient(WireMock.BaseUri);
        Assert.Equal("pong", await client.GetStringAsync("/ping"));
        Assert.Single(await Admin.GetRequestsAsync());

        await WireMock.ResetAsync();

        Assert.Empty(await Admin.GetRequestsAsync());
        using var after = await client.GetAsync("/ping");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Scenario_TooManyRequestsThenOk_ServesInSequence()
    {
        const string scenario = "throttled-send";
        await Admin.StubAsync(new StubMapping
        {
            ScenarioName = scenario,
            RequiredScenarioState = StubMapping.ScenarioStarted,
            NewScenarioState = "recovered",
            Request = RequestPattern.For("POST", "/send"),
            Response = ResponseDefinition.Json(429, new JsonObject { ["error"] = new JsonObject { ["code"] = 130429 } }, new Dictionary<string, string> { ["Retry-After"] = "1" }),
        });
        await Admin.StubAsync(new StubMapping
        {
            ScenarioName = scenario,
            RequiredScenarioState = "recovered",
            Request = RequestPattern.For("POST", "/send"),
            Response = ResponseDefinition.Json(200, new JsonObject { ["ok"] = true }),
        });

        using var client = CreateRawClient(WireMock.BaseUri);
        using var first = await client.PostAsync("/send", content: null);
        using var second = await client.PostAsync("/send", content: null);
        using var third = await client.PostAsync("/send", content: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("1", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);

        await Admin.ResetScenariosAsync();
        using var afterReset = await client.PostAsync("/send", content: null);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterReset.StatusCode);
    }

    [Fact]
    public async Task StubAsync_Priority_LowerNumberWins()
    {
        await Admin.StubAsync(new StubMapping { Priority = 5, Request = new RequestPattern { Method = "GET", UrlPathPattern = "/items/.*" }, Response = ResponseDefinition.Empty(404) });
        await Admin.StubAsync(new StubMapping { Priority = 1, Request = RequestPattern.For("GET", "/items/7"), Response = ResponseDefinition.Empty(204) });

        using var client = CreateRawClient(WireMock.BaseUri);
        using var specific = await client.GetAsync("/items/7");
        using var general = await client.GetAsync("/items/8");

        Assert.Equal(HttpStatusCode.NoContent, specific.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, general.StatusCode);
    }

    [Fact]
    public async Task StubAsync_ConnectionResetFault_RawClientGetsTransportError()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/reset"), ResponseDefinition.WithFault(WireMockFault.ConnectionResetByPeer));

        using var client = CreateRawClient(WireMock.BaseUri);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/reset"));

        var socketError = Assert.IsType<System.Net.Sockets.SocketException>(error.InnerException?.InnerException);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, socketError.SocketErrorCode);
        Assert.Equal(1, await Admin.CountRequestsAsync(RequestPattern.For("GET", "/reset")));
    }

    [Fact]
    public async Task StubAsync_EmptyResponseFault_RawClientGetsResponseEnded()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/empty"), ResponseDefinition.WithFault(WireMockFault.EmptyResponse));

        using var client = CreateRawClient(WireMock.BaseUri);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/empty"));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
    }

    [Fact]
    public async Task StubAsync_ConnectionResetFaultOnAKeepAliveConnection_ResetsThatConnectionAfterJournalingTheRequest()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/warm"), ResponseDefinition.Text(200, "warm", "text/plain"));
        await Admin.StubAsync(new StubMapping
        {
            Request = new RequestPattern { Method = "POST", UrlPath = "/reset" },
            Response = ResponseDefinition.WithFault(WireMockFault.ConnectionResetByPeer),
        });
        var connections = 0;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, token) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = WireMock.BaseUri };

        Assert.Equal("warm", await client.GetStringAsync("/warm"));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("/reset", new StringContent("{\"n\":1}", Encoding.UTF8, "application/json")));

        Assert.Equal(1, connections);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(error.InnerException?.InnerException).SocketErrorCode);
        var journaled = Assert.Single(await Admin.FindRequestsAsync("POST", "/reset"));
        Assert.Equal("{\"n\":1}", journaled.Body);
        Assert.True(journaled.WasMatched);
    }

    [Fact]
    public async Task StubAsync_MalformedResponseChunkFault_RawClientFailsReadingTheBody()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/chunk"), ResponseDefinition.WithFault(WireMockFault.MalformedResponseChunk));

        using var client = CreateRawClient(WireMock.BaseUri);
        using var response = await client.GetAsync("/chunk", HttpCompletionOption.ResponseHeadersRead);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
        Assert.Equal(1, await Admin.CountRequestsAsync(RequestPattern.For("GET", "/chunk")));
    }

    [Fact]
    public async Task StubAsync_RandomDataThenCloseFault_RawClientGetsInvalidResponse()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/garbage"), ResponseDefinition.WithFault(WireMockFault.RandomDataThenClose));

        using var client = CreateRawClient(WireMock.BaseUri);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/garbage"));

        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
    }

    [Fact]
    public async Task StubAsync_EqualToJsonIgnoringArrayOrder_MatchesReorderedArraysAndEqualNumbersOnly()
    {
        await Admin.StubAsync(new StubMapping
        {
            Request = new RequestPattern
            {
                Method = "POST",
                UrlPath = "/json",
                BodyPatterns = [ContentPattern.JsonEqualTo(JsonNode.Parse("""{"ids":[1,2,3],"n":1.0}""")!, ignoreArrayOrder: true)],
            },
            Response = ResponseDefinition.Empty(204),
        });

        using var client = CreateRawClient(WireMock.BaseUri);
        async Task<HttpStatusCode> PostAsync(string json)
        {
            using var response = await client.PostAsync("/json", new StringContent(json, Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("""{"n":1,"ids":[3,1,2]}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("""{"n":1,"ids":[3,1]}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("""{"n":2,"ids":[1,2,3]}"""));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("""{"n":1,"ids":[1,2,3],"extra":true}"""));
    }

    [Fact]
    public async Task StubAsync_FixedDelayAndBase64Body_AreServed()
    {
        byte[] payload = [0, 1, 2, 254, 255];
        await Admin.StubAsync(RequestPattern.For("GET", "/bytes"), new ResponseDefinition { Base64Body = Convert.ToBase64String(payload), FixedDelayMilliseconds = 50 });

        using var client = CreateRawClient(WireMock.BaseUri);
        Assert.Equal(payload, await client.GetByteArrayAsync("/bytes"));
    }

    [Fact]
    public async Task StubAsync_InvalidMapping_ThrowsWithWireMockAnswer()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Admin.StubAsync(new StubMapping
        {
            Request = new RequestPattern { Method = "GET", UrlPathPattern = "/a[" },
            Response = ResponseDefinition.Empty(200),
        }));

        Assert.Contains("WireMock refused to create a stub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequestsAsync_SeveralRequests_OldestFirst()
    {
        using var client = CreateRawClient(WireMock.BaseUri);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync($"/order/{i}");
        }

        Assert.Equal(["/order/0", "/order/1", "/order/2"], (await Admin.GetRequestsAsync()).Select(r => r.Url));
        Assert.Equal(["/order/0", "/order/1", "/order/2"], (await Admin.FindRequestsAsync(new RequestPattern { Method = "GET", UrlPathPattern = "/order/.*" })).Select(r => r.Url));
    }
}
