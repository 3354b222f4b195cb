using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Resilience;

/// <summary>
/// The SDK's own handler chain (resilience → rate limiting → authentication → primary) against WireMock faults.
/// Sends go through <see cref="GraphApiInvoker"/> with <see cref="WhatsAppOperationKind.SendMessage"/>, exactly as
/// the messages client does.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class ResilienceWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string PhoneNumberId = "1098765432";
    private const string MessagesPath = "/v23.0/" + PhoneNumberId + "/messages";
    private const string MediaPath = "/v23.0/4490709327384033";
    private const string Scenario = "resilience";

    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task Send_429WithRetryAfterThen200_SucceedsWithTwoRequests()
    {
        await StubSequenceAsync("POST", MessagesPath, ResponseDefinition.Json(429, GraphError(130429), new Dictionary<string, string> { ["Retry-After"] = "1" }), Accepted());
        var invoker = CreateInvoker();

        using var response = await invoker.SendCheckedAsync(SendRequest(invoker), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journal = await Admin.FindRequestsAsync("POST", MessagesPath);
        Assert.Equal(2, journal.Count);
        Assert.Equal(journal[0].Body, journal[1].Body);
        Assert.True(journal[1].LoggedDate - journal[0].LoggedDate >= 900, "Retry-After: 1 was honoured");
    }

    [Fact]
    public async Task Send_Graph130429BodyThenSuccess_Retried()
    {
        await StubSequenceAsync("POST", MessagesPath, ResponseDefinition.Json(400, GraphError(130429)), Accepted());
        var invoker = CreateInvoker();

        using var response = await invoker.SendCheckedAsync(SendRequest(invoker), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Admin.FindRequestsAsync("POST", MessagesPath)).Count);
    }

    [Fact]
    public async Task Send_PairRateLimit131056ThenSuccess_RetriedAfterTheLongerBackoff()
    {
        await StubSequenceAsync("POST", MessagesPath, ResponseDefinition.Json(400, GraphError(131056)), Accepted());
        var invoker = CreateInvoker(o => o.Resilience.RecipientThrottleDelay = TimeSpan.FromMilliseconds(400));

        using var response = await invoker.SendCheckedAsync(SendRequest(invoker), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journal = await Admin.FindRequestsAsync("POST", MessagesPath);
        Assert.Equal(2, journal.Count);
        Assert.True(journal[1].LoggedDate - journal[0].LoggedDate >= 350, $"gap {journal[1].LoggedDate - journal[0].LoggedDate} ms");
    }

    public static TheoryData<string> AmbiguousFaults => new() { "500", "delay", "reset" };

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task Send_AmbiguousFault_IsNotRepeatedAndReportedAsDeliveryUnknown(string fault)
    {
        await StubSequenceAsync("POST", MessagesPath, Fault(fault), Accepted());
        var invoker = CreateInvoker();

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => invoker.SendCheckedAsync(SendRequest(invoker), default));

        Assert.Equal("SendMessage", ex.Operation);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains("may have been delivered", ex.Message, StringComparison.Ordinal);
        if (fault == "500")
        {
            Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        }

        await WaitForDelayedStubsAsync(fault);
        Assert.Single(await Admin.FindRequestsAsync("POST", MessagesPath));
    }

    [Fact]
    public async Task MessagesClient_429ThenAccepted_ReturnsTheMessageId()
    {
        await StubSequenceAsync("POST", MessagesPath, ResponseDefinition.Json(429, GraphError(130429), new Dictionary<string, string> { ["Retry-After"] = "0" }), Accepted());
        using var client = CreateClient();

        var result = await client.Messages.SendAsync(new SecureWa.Sdk.Messages.TextMessage("+16505551234", "Your order has shipped."));

        Assert.Equal("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI", result.MessageId);
        Assert.Equal(2, (await Admin.FindRequestsAsync("POST", MessagesPath)).Count);
    }

    [Fact]
    public async Task MessagesClient_ServerError_ReportsDeliveryUnknownAfterOneRequest()
    {
        await StubSequenceAsync("POST", MessagesPath, ResponseDefinition.Json(503, GraphError(2)), Accepted());
        using var client = CreateClient();

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => client.Messages.SendAsync(new SecureWa.Sdk.Messages.TextMessage("+16505551234", "Your order has shipped.")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.DoesNotContain("6505551234", ex.Message, StringComparison.Ordinal);
        Assert.Single(await Admin.FindRequestsAsync("POST", MessagesPath));
    }

    [Fact]
    public async Task Send_ResetOnAReusedKeepAliveConnection_IsNotRepeated()
    {
        // The first call leaves a pooled keep-alive connection; the send goes over it and is reset after WireMock
        // read it. Neither the SDK nor SocketsHttpHandler's own stale-connection retry may send it again.
        await Admin.StubAsync(RequestPattern.For("GET", MediaPath), ResponseDefinition.Json(200, new JsonObject { ["id"] = "4490709327384033" }));
        await Admin.StubAsync(RequestPattern.For("POST", MessagesPath), ResponseDefinition.WithFault(WireMockFault.ConnectionResetByPeer));
        var invoker = CreateInvoker();
        using (var warmUp = invoker.CreateRequest(HttpMethod.Get, "4490709327384033", WhatsAppOperationKind.Query, "media.download"))
        using (var response = await invoker.SendCheckedAsync(warmUp, default))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => invoker.SendCheckedAsync(SendRequest(invoker), default));

        Assert.Single(await Admin.FindRequestsAsync("POST", MessagesPath));
    }

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task Get_SameFault_IsRetried(string fault)
    {
        await StubSequenceAsync("GET", MediaPath, Fault(fault), ResponseDefinition.Json(200, new JsonObject { ["id"] = "4490709327384033" }));
        var invoker = CreateInvoker();

        using var request = invoker.CreateRequest(HttpMethod.Get, "4490709327384033", WhatsAppOperationKind.Query, "media.download");
        using var response = await invoker.SendCheckedAsync(request, default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForDelayedStubsAsync(fault);
        Assert.Equal(2, (await Admin.FindRequestsAsync("GET", MediaPath)).Count);
    }

    [Fact]
    public async Task Get_ServerErrorOnEveryAttempt_GivesUpAfterMaxRetries()
    {
        await Admin.StubAsync(RequestPattern.For("GET", MediaPath), ResponseDefinition.Json(503, GraphError(2)));
        var invoker = CreateInvoker(o => o.Resilience.MaxRetries = 2);

        using var request = invoker.CreateRequest(HttpMethod.Get, "4490709327384033", WhatsAppOperationKind.Query, "media.download");
        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => invoker.SendCheckedAsync(request, default));

        Assert.Equal(2, ex.ErrorCode);
        Assert.Equal(3, (await Admin.FindRequestsAsync("GET", MediaPath)).Count);
    }

    [Fact]
    public async Task Send_NeverRetriedCode_OneRequestAndTheTypedError()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesPath), ResponseDefinition.Json(400, GraphError(131047)));
        var invoker = CreateInvoker();

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => invoker.SendCheckedAsync(SendRequest(invoker), default));

        Assert.Equal(WhatsAppErrorCategory.OutsideCustomerServiceWindow, ex.Category);
        Assert.Single(await Admin.FindRequestsAsync("POST", MessagesPath));
    }

    [Fact]
    public async Task Send_QueueOverflow_ThrowsWithoutTouchingWireMock()
    {
        await Admin.StubAsync(RequestPattern.For("POST", MessagesPath), Accepted());
        var invoker = CreateInvoker(o =>
        {
            o.RateLimiting.PhoneNumberPermitsPerSecond = 1;
            o.RateLimiting.PhoneNumberBurst = 1;
            o.RateLimiting.PhoneNumberQueueLimit = 0;
        });

        using (var first = await invoker.SendCheckedAsync(SendRequest(invoker), default))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var ex = await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendCheckedAsync(SendRequest(invoker), default));

        Assert.Equal(WhatsAppRateLimitScope.PhoneNumber, ex.Scope);
        Assert.True(ex.RetryAfter > TimeSpan.Zero);
        Assert.Single(await Admin.FindRequestsAsync("POST", MessagesPath));
    }

    [Fact]
    public async Task Send_ManyAtAConfiguredRate_NeverExceedItInAnyWindow()
    {
        // 10/s with a burst of 2, 16 sends: the journal's timestamps (ms) must never show more than
        // burst + rate × window (+ one replenishment of slack for timestamp rounding) in any window.
        await Admin.StubAsync(RequestPattern.For("POST", MessagesPath), Accepted());
        var invoker = CreateInvoker(o =>
        {
            o.RateLimiting.PhoneNumberPermitsPerSecond = 10;
            o.RateLimiting.PhoneNumberBurst = 2;
            o.RateLimiting.RecipientBurst = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
        });

        var sends = Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await invoker.SendCheckedAsync(SendRequest(invoker), default);
        });
        await Task.WhenAll(sends);

        var times = (await Admin.FindRequestsAsync("POST", MessagesPath)).Select(r => r.LoggedDate).Order().ToArray();
        Assert.Equal(16, times.Length);
        foreach (var windowMs in new[] { 300, 1000 })
        {
            var allowed = 2 + (10 * windowMs / 1000) + 1;
            for (var i = 0; i < times.Length; i++)
            {
                var inWindow = times.Skip(i).TakeWhile(t => t - times[i] < windowMs).Count();
                Assert.True(inWindow <= allowed, $"{inWindow} sends within {windowMs} ms; allowed {allowed}");
            }
        }
    }

    private GraphApiInvoker CreateInvoker(Action<WhatsAppClientOptions>? configure = null)
    {
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(50);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(800);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(15);
        configure?.Invoke(options);
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, "integration-token")]);

        // A clock other than TimeProvider.System gives this client its own rate limiters instead of the process-wide ones.
        var handler = WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, new SystemClock());
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _disposables.Add(client);
        return new GraphApiInvoker(client, options, NullLogger.Instance);
    }

    private WhatsAppClient CreateClient()
    {
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(50);
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, "integration-token")]);
        return new WhatsAppClient(options, secrets, timeProvider: new SystemClock());
    }

    private static HttpRequestMessage SendRequest(GraphApiInvoker invoker)
    {
        var request = invoker.CreateRequest(HttpMethod.Post, PhoneNumberId + "/messages", WhatsAppOperationKind.SendMessage, "messages.send", PhoneNumberId, "+16505551234");
        request.Content = new StringContent("""{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}""", Encoding.UTF8, "application/json");
        return request;
    }

    private async Task StubSequenceAsync(string method, string path, ResponseDefinition first, ResponseDefinition then)
    {
        await Admin.StubAsync(new StubMapping
        {
            Request = RequestPattern.For(method, path),
            Response = first,
            ScenarioName = Scenario,
            RequiredScenarioState = StubMapping.ScenarioStarted,
            NewScenarioState = "second",
        });
        await Admin.StubAsync(new StubMapping
        {
            Request = RequestPattern.For(method, path),
            Response = then,
            ScenarioName = Scenario,
            RequiredScenarioState = "second",
        });
    }

    private static ResponseDefinition Fault(string fault) => fault switch
    {
        "500" => ResponseDefinition.Json(500, GraphError(1)),
        "delay" => new ResponseDefinition
        {
            Status = 200,
            JsonBody = new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["id"] = "wamid.late" }) },
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            FixedDelayMilliseconds = 2000,
        },
        "reset" => ResponseDefinition.WithFault(WireMockFault.ConnectionResetByPeer),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>Lets a delayed stub finish, so the journal is complete before it is counted.</summary>
    private static Task WaitForDelayedStubsAsync(string fault) => fault == "delay" ? Task.Delay(2500) : Task.CompletedTask;

    private static ResponseDefinition Accepted() =>
        ResponseDefinition.Json(200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["messages"] = new JsonArray(new JsonObject { ["id"] = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI" }),
        });

    private static JsonObject GraphError(int code) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = "scripted error",
            ["type"] = "OAuthException",
            ["code"] = code,
            ["fbtrace_id"] = "AbCdEf",
        },
    };

    private sealed class SystemClock : TimeProvider
    {
    }
}
