using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

/// <summary>The handler's side of the <see cref="SharedRateLimiter"/> seam (the Redis package plugs in there).</summary>
public sealed class RateLimitingHandlerSharedTests
{
    private readonly ScriptedHandler _terminal = new();
    private readonly WhatsAppClientOptions _options = new() { PhoneNumberId = "1234567" };

    [Fact]
    public async Task SendAsync_SharedRefuses_ThrowsWithoutSending()
    {
        var shared = new FakeShared { PhoneNumber = SharedRateLimitDecision.Refuse(TimeSpan.FromSeconds(2), "queue_full") };
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance, shared: shared) { InnerHandler = _terminal.Respond(HttpStatusCode.OK) });

        var ex = await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(0, _terminal.Count);
        Assert.Equal(WhatsAppRateLimitScope.PhoneNumber, ex.Scope);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_SharedAsksForAWait_WaitsThenSends()
    {
        var shared = new FakeShared { PhoneNumber = SharedRateLimitDecision.Go(TimeSpan.FromMilliseconds(150)) };
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance, shared: shared) { InnerHandler = _terminal.Respond(HttpStatusCode.OK) });

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage, "+15551234567"), default);

        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(140));
        Assert.Equal(1, _terminal.Count);
        Assert.Equal(1, shared.RecipientCalls);
    }

    [Fact]
    public async Task SendAsync_SharedUnavailable_AppliesTheReducedLocalLimits()
    {
        // The store hands back a local limit of burst 2 and no queue: the third send is refused locally, never unlimited.
        var local = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 1, PhoneNumberBurst = 2, PhoneNumberQueueLimit = 0, MaxWait = TimeSpan.Zero };
        var shared = new FakeShared { PhoneNumber = SharedRateLimitDecision.UseLocal(local) };
        using var registry = new RateLimiterRegistry(TimeProvider.System);
        using var invoker = new HttpMessageInvoker(new RateLimitingHandler(registry, _options, NullLogger.Instance, shared: shared) { InnerHandler = _terminal.Respond(HttpStatusCode.OK).Respond(HttpStatusCode.OK) });

        using var first = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        using var second = await invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default);
        await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => invoker.SendAsync(ResilienceHandlerTests.Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(2, _terminal.Count);
    }

    private sealed class FakeShared : SharedRateLimiter
    {
        public SharedRateLimitDecision PhoneNumber { get; init; } = SharedRateLimitDecision.Go(TimeSpan.Zero);

        public int RecipientCalls { get; private set; }

        public override ValueTask<SharedRateLimitDecision> ReserveRecipientAsync(string phoneNumberId, string recipient, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
        {
            RecipientCalls++;
            return new(SharedRateLimitDecision.Go(TimeSpan.Zero));
        }

        public override ValueTask<SharedRateLimitDecision> ReservePhoneNumberAsync(string phoneNumberId, WhatsAppRateLimitOptions options, CancellationToken cancellationToken) => new(PhoneNumber);
    }
}
