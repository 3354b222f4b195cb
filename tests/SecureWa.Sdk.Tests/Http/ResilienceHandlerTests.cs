using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public sealed class ResilienceHandlerTests : IDisposable
{
    private readonly ScriptedHandler _terminal = new();
    private readonly WhatsAppClientOptions _options = new() { PhoneNumberId = "1234567" };
    private HttpMessageInvoker? _invoker;

    public ResilienceHandlerTests()
    {
        var resilience = _options.Resilience;
        resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        resilience.MaxDelay = TimeSpan.FromMilliseconds(20);
        resilience.RecipientThrottleDelay = TimeSpan.FromMilliseconds(30);
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        resilience.TotalTimeout = TimeSpan.FromSeconds(10);
        resilience.CircuitBreakerMinimumThroughput = 100;
        _options.RateLimiting.Enabled = false;
    }

    private HttpMessageInvoker Invoker => _invoker ??= CreateInvoker();

    public void Dispose() => _invoker?.Dispose();

    [Fact]
    public async Task Send_429WithRetryAfterThen200_RetriesOnceAndSucceeds()
    {
        _terminal.Respond(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(80007)]
    [InlineData(130429)]
    [InlineData(131056)]
    public async Task Send_GraphThrottlingCodeThen200_Retries(int code)
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, code).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Fact]
    public async Task Send_PairRateLimit_WaitsAtLeastRecipientThrottleDelay()
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, 131056).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        var requests = _terminal.Requests;
        var gap = TimeSpan.FromTicks((requests[1].Timestamp - requests[0].Timestamp) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);
        Assert.True(gap >= TimeSpan.FromMilliseconds(25), $"gap {gap.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task Send_ConnectionNeverEstablished_IsRetried(HttpRequestError error)
    {
        _terminal.Throw(new HttpRequestException(error, "no connection")).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Send_ServerError_NotRepeatedAndReportedAsDeliveryUnknown(int status)
    {
        _terminal.Respond((HttpStatusCode)status).Respond(HttpStatusCode.OK);

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("SendMessage", ex.Operation);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains("may have been delivered", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Send_GraphTransientCode_IsAmbiguous(int code)
    {
        _terminal.RespondGraphError(HttpStatusCode.InternalServerError, code);

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Equal(code, ex.ApiError?.Code);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task Send_ConnectionLostAfterSending_NotRepeated(HttpRequestError error)
    {
        _terminal.Throw(new HttpRequestException(error, "reset")).Respond(HttpStatusCode.OK);

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task Send_AttemptTimeout_NotRepeated()
    {
        _terminal.Hang().Respond(HttpStatusCode.OK);

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(1, _terminal.Count);
        Assert.Equal("timeout", ex.Fault);
    }

    [Fact]
    public async Task Send_RetryAmbiguousSends_RetriesServerError()
    {
        _options.Resilience.RetryAmbiguousSends = true;
        _terminal.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(131047)]
    [InlineData(131026)]
    [InlineData(131051)]
    [InlineData(133010)]
    [InlineData(368)]
    [InlineData(190)]
    public async Task Send_NeverRetriedCodes_ReturnTheErrorAfterOneAttempt(int code)
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, code).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, _terminal.Count);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(190)]
    [InlineData(131047)]
    public async Task Query_NeverRetriedCodes_OneAttempt(int code)
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, code).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, _terminal.Count);
    }

    [Theory]
    [InlineData((int)WhatsAppOperationKind.Query)]
    [InlineData((int)WhatsAppOperationKind.Delete)]
    [InlineData((int)WhatsAppOperationKind.MarkAsRead)]
    [InlineData((int)WhatsAppOperationKind.DownloadMedia)]
    public async Task Idempotent_TransientFaults_AreRetried(int operation)
    {
        _terminal
            .Respond(HttpStatusCode.InternalServerError)
            .Respond(HttpStatusCode.RequestTimeout)
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"))
            .Respond(HttpStatusCode.OK);
        _options.Resilience.MaxRetries = 3;

        using var response = await Invoker.SendAsync(Request((WhatsAppOperationKind)operation), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _terminal.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(80007)]
    [InlineData(130429)]
    public async Task Query_GraphTransientCodes_AreRetried(int code)
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, code).Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Fact]
    public async Task Query_AttemptTimeoutThenSuccess_IsRetried()
    {
        _terminal.Hang().Respond(HttpStatusCode.OK);

        using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _terminal.Count);
    }

    [Fact]
    public async Task Query_EveryAttemptTimesOut_ThrowsWhatsAppTimeoutException()
    {
        _options.Resilience.MaxRetries = 1;
        _terminal.Hang().Hang();

        var ex = await Assert.ThrowsAsync<WhatsAppTimeoutException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default));

        Assert.Equal(2, _terminal.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
    }

    [Fact]
    public async Task Query_TotalTimeout_ThrowsWhatsAppTimeoutException()
    {
        _options.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(200);
        _options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(150);
        _options.Resilience.MaxRetries = 10;
        for (var i = 0; i < 11; i++)
        {
            _terminal.Hang();
        }

        var ex = await Assert.ThrowsAsync<WhatsAppTimeoutException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default));

        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Timeout);
    }

    [Fact]
    public async Task Send_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        _terminal.Hang();
        _options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), cts.Token));

        Assert.IsNotType<WhatsAppException>(ex, exactMatch: false);
        Assert.Equal(1, _terminal.Count);
    }

    [Fact]
    public async Task Query_Retries_ResendTheRequestWithSameHeadersOptionsAndBody()
    {
        _terminal.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        var request = Request(WhatsAppOperationKind.MarkAsRead);
        request.Headers.TryAddWithoutValidation("X-Custom", "value");

        using var response = await Invoker.SendAsync(request, default);

        var recorded = _terminal.Requests;
        Assert.Equal(2, recorded.Count);
        // Microsoft.Extensions.Http.Resilience resends the same message; its buffered content reads again.
        Assert.Same(request, recorded[0].Message);
        Assert.Equal(recorded[0].Body, recorded[1].Body);
        Assert.Equal("{\"to\":\"x\"}", recorded[1].Body);
        Assert.Equal(request.RequestUri, recorded[1].Message.RequestUri);
        Assert.Equal(request.Method, recorded[1].Message.Method);
        Assert.Equal("value", recorded[1].Message.Headers.GetValues("X-Custom").Single());
        Assert.True(recorded[1].Message.Options.TryGetValue(WhatsAppRequestOptions.Operation, out var operation));
        Assert.Equal(WhatsAppOperationKind.MarkAsRead, operation);
    }

    [Fact]
    public async Task Query_StreamedBody_IsNotRetried()
    {
        _terminal.Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.OK);
        var request = Request(WhatsAppOperationKind.Delete);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("x")));

        using var response = await Invoker.SendAsync(request, default);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _terminal.Count);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondMaxRetryAfter_ReturnsThrottlingAtOnce()
    {
        _options.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(1);
        _terminal.Respond(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(5)).Respond(HttpStatusCode.OK);
        using var client = new HttpClient(CreateHandler());
        var invoker = new GraphApiInvoker(client, _options, NullLogger.Instance);

        var ex = await Assert.ThrowsAsync<WhatsAppThrottlingException>(() => invoker.SendCheckedAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(TimeSpan.FromMinutes(5), ex.RetryAfter);
        Assert.Equal(1, _terminal.Count);
    }

    [Fact]
    public async Task Invoker_ErrorBodyBufferedByHandler_IsStillMappedToTheGraphError()
    {
        _terminal.RespondGraphError(HttpStatusCode.BadRequest, 131047);
        using var client = new HttpClient(CreateHandler());
        var invoker = new GraphApiInvoker(client, _options, NullLogger.Instance);

        var ex = await Assert.ThrowsAsync<WhatsAppApiException>(() => invoker.SendCheckedAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(131047, ex.ErrorCode);
        Assert.Equal("Atrace", ex.FbTraceId);
        Assert.Equal(WhatsAppErrorCategory.OutsideCustomerServiceWindow, ex.Category);
    }

    [Fact]
    public async Task Query_ThrottledOnEveryAttempt_ReturnsTheThrottlingErrorAfterMaxRetries()
    {
        _options.Resilience.MaxRetries = 2;
        for (var i = 0; i < 3; i++)
        {
            _terminal.RespondGraphError(HttpStatusCode.BadRequest, 130429);
        }

        using var client = new HttpClient(CreateHandler());
        var invoker = new GraphApiInvoker(client, _options, NullLogger.Instance);

        var ex = await Assert.ThrowsAsync<WhatsAppThrottlingException>(() => invoker.SendCheckedAsync(Request(WhatsAppOperationKind.Query), default));

        Assert.Equal(130429, ex.ErrorCode);
        Assert.Equal(3, _terminal.Count);
    }

    [Fact]
    public async Task CircuitBreaker_SustainedServerFailures_FailsFastWithoutTouchingTheNetwork()
    {
        _options.Resilience.MaxRetries = 0;
        _options.Resilience.CircuitBreakerMinimumThroughput = 4;
        _options.Resilience.CircuitBreakerFailureRatio = 0.5;
        _options.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        for (var i = 0; i < 4; i++)
        {
            _terminal.Respond(HttpStatusCode.BadGateway);
        }

        for (var i = 0; i < 4; i++)
        {
            using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.Query), default);
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        var ex = await Assert.ThrowsAsync<WhatsAppCircuitOpenException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default));

        Assert.Equal(4, _terminal.Count);
        Assert.Equal("SendMessage", ex.Operation);
    }

    [Fact]
    public async Task CircuitBreaker_BusinessErrors_DoNotOpenIt()
    {
        _options.Resilience.MaxRetries = 0;
        _options.Resilience.CircuitBreakerMinimumThroughput = 2;
        for (var i = 0; i < 6; i++)
        {
            _terminal.RespondGraphError(HttpStatusCode.BadRequest, 131026);
        }

        for (var i = 0; i < 6; i++)
        {
            using var response = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var last = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage), default);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(7, _terminal.Count);
    }

    [Fact]
    public async Task Send_RateLimiterRefusal_PropagatesUnwrappedAndIsNotRetried()
    {
        _options.RateLimiting.Enabled = true;
        _options.RateLimiting.RecipientBurst = 1;
        _options.RateLimiting.RecipientInterval = TimeSpan.FromHours(1);
        _options.RateLimiting.MaxWait = TimeSpan.Zero;

        using var first = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage, recipient: "+15550001"), default);
        var ex = await Assert.ThrowsAsync<WhatsAppRateLimitExceededException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage, recipient: "+15550001"), default));

        Assert.Equal(WhatsAppRateLimitScope.Recipient, ex.Scope);
        Assert.Equal(1, _terminal.Count);
        Assert.DoesNotContain("15550001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AttemptTimesOutWhileWaitingForAPermit_IsATimeoutNotAnAmbiguousSend()
    {
        _options.RateLimiting.Enabled = true;
        _options.RateLimiting.RecipientBurst = 1;
        _options.RateLimiting.RecipientInterval = TimeSpan.FromMinutes(1);
        _options.RateLimiting.MaxWait = TimeSpan.FromMinutes(2);
        _options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        using var first = await Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage, recipient: "+15550009"), default);

        var ex = await Assert.ThrowsAsync<WhatsAppTimeoutException>(() => Invoker.SendAsync(Request(WhatsAppOperationKind.SendMessage, recipient: "+15550009"), default));

        Assert.Equal("SendMessage", ex.Operation);
        Assert.Equal(1, _terminal.Count);
    }

    [Fact]
    public void Send_Synchronous_IsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => Invoker.Send(Request(WhatsAppOperationKind.Query), default));
        Assert.Equal(0, _terminal.Count);
    }

    internal static HttpRequestMessage Request(WhatsAppOperationKind operation, string? recipient = null)
    {
        var method = operation switch
        {
            WhatsAppOperationKind.Query or WhatsAppOperationKind.DownloadMedia => HttpMethod.Get,
            WhatsAppOperationKind.Delete => HttpMethod.Delete,
            _ => HttpMethod.Post,
        };
        var request = new HttpRequestMessage(method, "https://graph.example/v23.0/1234567/messages");
        request.Options.Set(WhatsAppRequestOptions.Operation, operation);
        request.Options.Set(WhatsAppRequestOptions.PhoneNumberId, "1234567");
        if (recipient is not null)
        {
            request.Options.Set(WhatsAppRequestOptions.Recipient, recipient);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{\"to\":\"x\"}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private HttpMessageInvoker CreateInvoker() => new(CreateHandler());

    private ResilienceHandler CreateHandler()
    {
        var rateLimiting = new RateLimitingHandler(new RateLimiterRegistry(TimeProvider.System), _options, NullLogger.Instance, ownsRegistry: true) { InnerHandler = _terminal };
        return new ResilienceHandler(new ResiliencePipelines(_options.Resilience, TimeProvider.System, NullLogger.Instance), NullLogger.Instance) { InnerHandler = rateLimiting };
    }
}
