using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The outermost SDK handler: runs each call through the Polly.Core pipeline for its operation kind, sends a
/// copy of the request per retry, and turns outcomes into the exceptions callers branch on:
/// <see cref="WhatsAppDeliveryUnknownException"/> (a send may have been delivered), <see cref="WhatsAppTimeoutException"/>,
/// <see cref="WhatsAppCircuitOpenException"/>. Non-success responses otherwise pass through for
/// <see cref="GraphApiInvoker"/> to map; their body is buffered (at most 64 KiB) so it can read it.
/// </summary>
internal sealed partial class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipelines _pipelines;
    private readonly ILogger _logger;

    public ResilienceHandler(ResiliencePipelines pipelines, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        _pipelines = pipelines;
        _logger = logger;
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the SDK sends asynchronously, and a synchronous send would bypass timeouts and retries.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The SecureWa.Sdk pipeline supports only asynchronous sends (SendAsync).");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = WhatsAppRequestOptions.GetOperation(request);
        var duplicateSensitive = ResilienceClassifier.IsDuplicateSensitive(operation);
        var pipeline = duplicateSensitive ? _pipelines.DuplicateSensitive : _pipelines.Idempotent;
        var state = new AttemptState(this, request, operation, IsReplayable(request.Content));
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: false, cancellationToken);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            context.Properties.Set(ResiliencePipelines.StateKey, state);
            outcome = await pipeline.ExecuteOutcomeAsync(static (ctx, s) => AttemptAsync(ctx, s), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is null)
        {
            var response = outcome.Result!;
            if (duplicateSensitive && !response.IsSuccessStatusCode && state.LastKind == FailureKind.Transient)
            {
                response.Dispose();
                throw DeliveryUnknown(state, null);
            }

            return response;
        }

        var exception = outcome.Exception;
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        if (duplicateSensitive && state.MayHaveBeenSent)
        {
            throw DeliveryUnknown(state, exception);
        }

        switch (exception)
        {
            case BrokenCircuitException broken:
                throw new WhatsAppCircuitOpenException(operation.ToString(), broken.RetryAfter, broken);
            case TimeoutRejectedException timeout:
                throw new WhatsAppTimeoutException(operation.ToString(), timeout.Timeout, timeout);
            default:
                ExceptionDispatchInfo.Throw(exception);
                throw exception; // not reached
        }
    }

    /// <summary>Sends through the rest of the chain (rate limiting, authentication, primary).</summary>
    internal Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>Whether content can be sent again: absent, or already in memory.</summary>
    internal static bool IsReplayable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent => true,
        MultipartContent multipart => multipart.All(IsReplayable),
        _ => false,
    };

    /// <summary>A fresh request with the same method, URI, version, headers, options and (replayable) content.</summary>
    internal static HttpRequestMessage Clone(HttpRequestMessage original)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
            Content = original.Content,
        };
        foreach (var header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)clone.Options;
        foreach (var option in original.Options)
        {
            options[option.Key] = option.Value;
        }

        return clone;
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, AttemptState state)
    {
        // The caller's request goes first; a retry sends a copy (a request message cannot be sent twice). Copies
        // share the buffered content and are not disposed, which would dispose it.
        var request = state.Attempts == 0 ? state.Request : Clone(state.Request);
        state.Attempts++;
        state.LastStatus = null;
        state.LastError = null;
        state.LastException = null;
        try
        {
            var response = await state.Handler.SendInnerAsync(request, context.CancellationToken).ConfigureAwait(false);
            state.LastStatus = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                state.LastError = await BufferErrorAsync(response, context.CancellationToken).ConfigureAwait(false);
            }

            state.LastKind = ResilienceClassifier.Classify(response.StatusCode, state.LastError);
            state.MayHaveBeenSent |= state.LastKind == FailureKind.Transient;
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            var waitingForPermit = request.Options.TryGetValue(ResilienceRequestOptions.WaitingForPermit, out var waiting) && waiting;
            state.LastException = ex;
            state.LastKind = ResilienceClassifier.Classify(ex, dispatched: !waitingForPermit);
            state.MayHaveBeenSent |= state.LastKind == FailureKind.Transient;
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    /// <summary>Reads (at most 64 KiB of) an error body into memory, so both the retry decision and the invoker can read it.</summary>
    private static async Task<Errors.WhatsAppApiError> BufferErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = await GraphApiInvoker.ReadBoundedAsync(response.Content, GraphApiInvoker.MaxErrorBytes, cancellationToken, truncate: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The body broke off: classify by the status alone.
            bytes = ReadOnlyMemory<byte>.Empty;
        }

        var body = bytes.ToArray();
        var buffered = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        buffered.Headers.ContentLength = body.Length;
        response.Content.Dispose();
        response.Content = buffered;

        // HttpContent caches the stream it hands out and a reader disposes it, so the classification reads its own
        // copy and leaves the response's content unread for GraphApiInvoker.
        using var probe = new HttpResponseMessage(response.StatusCode) { Content = new ByteArrayContent(body) };
        probe.Headers.RetryAfter = response.Headers.RetryAfter;
        return await GraphApiInvoker.ReadApiErrorAsync(probe, cancellationToken).ConfigureAwait(false);
    }

    private WhatsAppDeliveryUnknownException DeliveryUnknown(AttemptState state, Exception? exception)
    {
        var fault = ResilienceClassifier.DescribeFault(state.LastStatus, state.LastError, state.LastException ?? exception);
        var reason = ResilienceClassifier.Reason(FailureKind.Transient, state.LastException ?? exception);
        ResilienceMetrics.DeliveryUnknown.Add(1, new KeyValuePair<string, object?>("operation", state.Operation.ToString()), new KeyValuePair<string, object?>("reason", reason));
        LogDeliveryUnknown(_logger, state.Operation, fault, state.Attempts);
        return new WhatsAppDeliveryUnknownException(state.Operation.ToString(), fault, state.LastStatus, state.LastError, state.Attempts, state.LastException ?? exception);
    }

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning, Message = "WhatsApp {Operation} outcome unknown after {Attempts} attempt(s) ({Fault}); not resent, reconcile with status webhooks")]
    private static partial void LogDeliveryUnknown(ILogger logger, WhatsAppOperationKind operation, string fault, int attempts);
}
