using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The outermost SDK handler: runs each call through the resilience pipeline (Microsoft.Extensions.Http.Resilience on
/// Polly) with an <see cref="AttemptState"/> the attempts record into, and turns outcomes into the exceptions callers branch on:
/// <see cref="WhatsAppDeliveryUnknownException"/> (a send may have been delivered), <see cref="WhatsAppTimeoutException"/>,
/// <see cref="WhatsAppCircuitOpenException"/>. Non-success responses otherwise pass through for
/// <see cref="GraphApiInvoker"/> to map; their body is buffered (at most 64 KiB) so it can read it.
/// </summary>
internal sealed partial class ResilienceHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker? _pipeline;
    private readonly ILogger _logger;

    /// <summary>
    /// Without DI: the handler runs its own inner chain, the package's <see cref="Microsoft.Extensions.Http.Resilience.ResilienceHandler"/>
    /// over <paramref name="pipelines"/> and the per-attempt <see cref="ResilienceAttemptHandler"/>, before handing each
    /// attempt to its <see cref="DelegatingHandler.InnerHandler"/>.
    /// </summary>
    public ResilienceHandler(ResiliencePipelines pipelines, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        _logger = logger;
        _pipeline = new HttpMessageInvoker(
            new Microsoft.Extensions.Http.Resilience.ResilienceHandler(pipelines.Pipeline)
            {
                InnerHandler = new ResilienceAttemptHandler(pipelines.TimeProvider) { InnerHandler = new ForwardingHandler(this) },
            },
            disposeHandler: true);
    }

    /// <summary>
    /// With DI: the package's resilience handler (<c>AddResilienceHandler</c>) and the <see cref="ResilienceAttemptHandler"/>
    /// follow this one in the <see cref="HttpClient"/>'s chain.
    /// </summary>
    public ResilienceHandler(ILogger logger)
    {
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
        var state = new AttemptState(request, operation, IsReplayable(request.Content));
        request.Options.Set(AttemptState.Key, state);
        HttpResponseMessage response;
        try
        {
            response = _pipeline is null
                ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
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
                    throw new WhatsAppTimeoutException(operation.ToString(), timeout.Timeout, timeout, state.Dispatched ? WhatsAppRequestState.Unknown : WhatsAppRequestState.NotSent);
                default:
                    throw;
            }
        }

        if (duplicateSensitive && !response.IsSuccessStatusCode && state.LastKind == FailureKind.Transient)
        {
            response.Dispose();
            throw DeliveryUnknown(state, null);
        }

        return response;
    }

    /// <summary>Sends through the rest of the chain (rate limiting, authentication, primary).</summary>
    internal Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Whether content can be sent again: absent, or already in memory.</summary>
    internal static bool IsReplayable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent => true,
        MultipartContent multipart => multipart.All(IsReplayable),
        _ => false,
    };

    /// <summary>Reads (at most 64 KiB of) an error body into memory, so both the retry decision and the invoker can read it.</summary>
    internal static async Task<Errors.WhatsAppApiError> BufferErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
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
        return await GraphApiInvoker.ReadApiErrorAsync(probe, cancellationToken, timeProvider).ConfigureAwait(false);
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
