using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The Polly.Core pipelines of a client, outer to inner: total timeout → retry → circuit breaker → attempt
/// timeout. One pipeline for duplicate-sensitive calls (sends, uploads) and one for the rest; they share one
/// circuit breaker, because both talk to the same service. Thread-safe; with DI a singleton.
/// </summary>
internal sealed partial class ResiliencePipelines
{
    public static readonly ResiliencePropertyKey<AttemptState> StateKey = new("SecureWa.AttemptState");

    private readonly WhatsAppResilienceOptions _options;
    private readonly ILogger _logger;

    public ResiliencePipelines(WhatsAppResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _logger = logger;
        var breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = static args => new ValueTask<bool>(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && ResilienceClassifier.IsBreakerFailure(KindOf(args.Context, args.Outcome))),
                OnOpened = args =>
                {
                    ResilienceMetrics.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "open"));
                    LogCircuitOpened(_logger, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    ResilienceMetrics.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "half_open"));
                    return default;
                },
                OnClosed = _ =>
                {
                    ResilienceMetrics.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "closed"));
                    LogCircuitClosed(_logger);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();

        DuplicateSensitive = Build(breaker, timeProvider);
        Idempotent = Build(breaker, timeProvider);
    }

    public WhatsAppResilienceOptions Options => _options;

    /// <summary>For sends and uploads: retried only when provably not accepted (or when ambiguous retries are allowed).</summary>
    public ResiliencePipeline<HttpResponseMessage> DuplicateSensitive { get; }

    /// <summary>For queries, deletes, downloads and read receipts: retried on transient failures too.</summary>
    public ResiliencePipeline<HttpResponseMessage> Idempotent { get; }

    /// <summary>The failure kind of an outcome: the breaker's own refusal is permanent, otherwise what the attempt recorded.</summary>
    internal static FailureKind KindOf(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is BrokenCircuitException)
        {
            return FailureKind.Permanent;
        }

        return context.Properties.TryGetValue(StateKey, out var state)
            ? state.LastKind
            : outcome.Exception is { } ex ? ResilienceClassifier.Classify(ex, dispatched: true) : ResilienceClassifier.Classify(outcome.Result!.StatusCode, null);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(ResiliencePipeline<HttpResponseMessage> breaker, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = _options.TotalTimeout });
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.UseJitter,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDelay(args.Context, args.AttemptNumber)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(StateKey, out var state))
                    {
                        var reason = ResilienceClassifier.Reason(state.LastKind, args.Outcome.Exception);
                        ResilienceMetrics.Retries.Add(1, new KeyValuePair<string, object?>("operation", state.Operation.ToString()), new KeyValuePair<string, object?>("reason", reason));
                        LogRetry(_logger, state.Operation, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        return builder.AddPipeline(breaker).Build();
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (!context.Properties.TryGetValue(StateKey, out var state) || !state.Replayable)
        {
            return false;
        }

        var kind = KindOf(context, outcome);
        if (!ResilienceClassifier.ShouldRetry(state.Operation, kind, _options.RetryAmbiguousSends))
        {
            return false;
        }

        // Meta asked for a longer pause than the caller is willing to wait: hand the throttling error back now.
        return !(outcome.Result is not null && state.LastError?.RetryAfter is { } retryAfter && retryAfter > _options.MaxRetryAfter);
    }

    private TimeSpan? RetryDelay(ResilienceContext context, int attemptNumber)
    {
        if (!context.Properties.TryGetValue(StateKey, out var state))
        {
            return null;
        }

        if (state.LastStatus is not null && state.LastError?.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        if (state.LastKind == FailureKind.RecipientThrottled)
        {
            var factor = Math.Pow(2, Math.Min(attemptNumber, 16));
            var delay = TimeSpan.FromTicks((long)Math.Min(_options.RecipientThrottleDelay.Ticks * factor, _options.MaxDelay.Ticks));
            return delay < _options.RecipientThrottleDelay ? _options.RecipientThrottleDelay : delay;
        }

        return null;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "WhatsApp {Operation}: retry {Retry} after {Reason}, waiting {DelayMilliseconds:0} ms")]
    private static partial void LogRetry(ILogger logger, WhatsAppOperationKind operation, int retry, string reason, double delayMilliseconds);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "WhatsApp circuit breaker opened after sustained server or connection failures; calls fail fast for {BreakSeconds:0.#} s")]
    private static partial void LogCircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "WhatsApp circuit breaker closed")]
    private static partial void LogCircuitClosed(ILogger logger);
}
