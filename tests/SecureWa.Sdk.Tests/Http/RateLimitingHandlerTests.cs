using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public sealed class RateLimitingHandlerTests
{
    private readonly ScriptedHandler _terminal = new();
    private readonly WhatsAppClientOptions _options = new() { PhoneNumberId = "1234567" };

    [Fact]
    public async Task PhoneNumber_ManyRequests_NeverExceedBurstPlusRateInAnyWindow()
    {
        // 25/s with a burst of 5 over a short wall-clock run (~1.4 s): no speed is asserted, only the ceiling.
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 25;
        _options.RateLimiting.PhoneNumberBurst = 5;
        _options.RateLimiting.MaxWait = TimeSpan.FromSeconds(30);
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        var sends = Enumerable.Range(0, 40).Select(_ => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default)).ToArray();
        foreach (var response in await Task.WhenAll(sends))
        {
            response.Dispose();
        }

        var times = _terminal.Requests.Select(r => r.Timestamp).Order().ToArray();
        Assert.Equal(40, times.Length);
        var tokensPerPeriod = 2; // 25/s replenished as 2 tokens every 80 ms
        foreach (var windowMs in new[] { 200, 500, 1000 })
        {
            var window = windowMs * Stopwatch.Frequency / 1000;
            var allowed = 5 + (25 * windowMs / 1000) + tokensPerPeriod;
            for (var i = 0; i < times.Length; i++)
            {
                var inWindow = times.Skip(i).TakeWhile(t => t - times[i] < window).Count();
                Assert.True(inWindow <= allowed, $"{inWindow} requests within {windowMs} ms; allowed {allowed}");
            }
        }
    }

    [Fact]
    public async Task PhoneNumber_QueueOverflow_ThrowsWithoutCallingInnerHandler()
    {
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 1;
        _options.RateLimiting.PhoneNumberQueueLimit = 0;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        var ex = await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Equal(WhatsAppRateLimitScope.PhoneNumber, ex.Scope);
        Assert.NotNull(ex.RetryAfter);
        Assert.True(ex.RetryAfter > TimeSpan.Zero);
        Assert.Contains("queue is full", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneNumber_NoPermitWithinMaxWait_ThrowsWithoutCallingInnerHandler()
    {
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 1;
        _options.RateLimiting.PhoneNumberQueueLimit = 10;
        _options.RateLimiting.MaxWait = TimeSpan.FromMilliseconds(50);
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.Query), default);
        var ex = await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.Query), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Contains("MaxWait", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneNumber_CallerCancelsWhileQueued_ThrowsOperationCanceled()
    {
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 1;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });
        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.Query), default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.Query), cts.Token));

        Assert.Equal(1, _terminal.Count);
    }

    [Fact]
    public async Task Recipient_WaitsForItsSlotOnTheTimeProvider()
    {
        var clock = new FakeTimeProvider();
        _options.RateLimiting.RecipientBurst = 1;
        _options.RateLimiting.RecipientInterval = TimeSpan.FromSeconds(6);
        using var registry = new RateLimiterRegistry(clock);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "+15550001"), default);
        var second = invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "+15550001"), default);
        using var other = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "+15550002"), default);

        Assert.Equal(2, _terminal.Count);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await second;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _terminal.Count);
    }

    [Fact]
    public async Task Recipient_OnlySendsAreLimitedPerRecipient()
    {
        _options.RateLimiting.RecipientBurst = 1;
        _options.RateLimiting.RecipientInterval = TimeSpan.FromHours(1);
        _options.RateLimiting.MaxWait = TimeSpan.Zero;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        for (var i = 0; i < 3; i++)
        {
            using var response = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.MarkAsRead, recipient: "+15550001"), default);
        }

        Assert.Equal(3, _terminal.Count);
    }

    [Fact]
    public async Task PhoneNumber_SendWithoutAPhoneNumberOption_CountsAgainstTheConfiguredNumber()
    {
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 1;
        _options.RateLimiting.PhoneNumberQueueLimit = 0;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        using var first = await invoker.SendAsync(Untagged(WhatsAppOperationKind.SendMessage), default);
        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(Untagged(WhatsAppOperationKind.MarkAsRead), default));

        // A query by media id is not tied to a phone number and is not throughput-limited.
        using var query = await invoker.SendAsync(Untagged(WhatsAppOperationKind.Query), default);
        Assert.Equal(2, _terminal.Count);

        static HttpRequestMessage Untagged(WhatsAppOperationKind operation)
        {
            var request = new HttpRequestMessage(operation == WhatsAppOperationKind.Query ? HttpMethod.Get : HttpMethod.Post, "https://graph.example/v23.0/x");
            request.Options.Set(WhatsAppRequestOptions.Operation, operation);
            return request;
        }
    }

    [Fact]
    public async Task Disabled_PassesEverythingThrough()
    {
        _options.RateLimiting.Enabled = false;
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 1;
        _options.RateLimiting.PhoneNumberQueueLimit = 0;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });

        for (var i = 0; i < 5; i++)
        {
            using var response = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, recipient: "+15550001"), default);
        }

        Assert.Equal(5, _terminal.Count);
    }

    [Fact]
    public async Task Registry_SharedByTwoClients_LimitsTheirSum()
    {
        _options.RateLimiting.PhoneNumberPermitsPerSecond = 1;
        _options.RateLimiting.PhoneNumberBurst = 2;
        _options.RateLimiting.PhoneNumberQueueLimit = 0;
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        var otherTerminal = new ScriptedHandler();
        using var a = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal });
        using var b = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = otherTerminal });

        using var r1 = await a.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        using var r2 = await b.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => b.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default));
        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => a.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Equal(1, otherTerminal.Count);
    }

    [Fact]
    public async Task Handler_DoesNotDisposeASharedRegistry()
    {
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        var handler = new RateLimitingHandler(registry, _options, NullLogger.Instance) { InnerHandler = _terminal };
        using (var invoker = new HttpMessageInvoker(handler))
        {
            using var response = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        }

        // The phone number's token bucket still works after the handler is gone.
        using var lease = registry.GetPhoneNumberLimiter("1234567", _options.RateLimiting).Limiter.AttemptAcquire(1);
        Assert.True(lease.IsAcquired);
    }
}
