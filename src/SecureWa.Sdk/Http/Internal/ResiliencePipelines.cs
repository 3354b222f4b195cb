using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The SDK's resilience pipeline on Microsoft.Extensions.Http.Resilience, outer to inner: total timeout → retry →
/// circuit breaker → attempt timeout. One pipeline for every operation kind: the retry asks the call's
/// <see cref="AttemptState"/> whether its kind may be retried (sends and uploads only when Meta provably did not take
/// them), and the one breaker therefore sees every call to the service. With DI the pipeline is registered by
/// <c>AddResilienceHandler</c> (and so gets the package's telemetry enrichment); without DI this class builds the same
/// pipeline. Thread-safe.
/// </summary>
internal sealed partial class ResiliencePipelines
{
    /// <summary>The name of the SDK's resilience handler (and its pipeline) on the SDK's <see cref="HttpClient"/>.</summary>
    public const string HandlerName = "SecureWa.Sdk";

    public ResiliencePipelines(WhatsAppResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        TimeProvider = timeProvider;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = HandlerName };
        Configure(builder, options, logger);
        Pipeline = builder.Build();
    }

    public WhatsAppResilienceOptions Options { get; }

    /// <summary>The clock of the pipeline (timeouts, backoff, breaker) and of <c>Retry-After</c> dates.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The pipeline the SDK's resilience handler runs each call through.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Adds the SDK's strategies to <paramref name="builder"/> (DI: the builder of <c>AddResilienceHandler</c>).</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WhatsAppResilienceOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,

                // Retry-After is read by the SDK's own delay generator (with the caller's cap), not the package's.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(options, args.Context, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDelay(options, args.Context, args.AttemptNumber)),
                OnRetry = args =>
                {
                    if (StateOf(args.Context) is { } state)
                    {
                        var reason = ResilienceClassifier.Reason(state.LastKind, args.Outcome.Exception);
                        ResilienceMetrics.Retries.Add(1, new KeyValuePair<string, object?>("operation", state.Operation.ToString()), new KeyValuePair<string, object?>("reason", reason));
                        LogRetry(logger, state.Operation, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "CircuitBreaker",
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
                LogCircuitOpened(logger, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnHalfOpened = static _ =>
            {
                ResilienceMetrics.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "half_open"));
                return default;
            },
            OnClosed = _ =>
            {
                ResilienceMetrics.CircuitTransitions.Add(1, new KeyValuePair<string, object?>("state", "closed"));
                LogCircuitClosed(logger);
                return default;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>The failure kind of an outcome: the breaker's own refusal is permanent, otherwise what the attempt recorded.</summary>
    internal static FailureKind KindOf(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is BrokenCircuitException)
        {
            return FailureKind.Permanent;
        }

        return StateOf(context) is { } state
            ? state.LastKind
            : outcome.Exception is { } ex ? ResilienceClassifier.Classify(ex, dispatched: true) : ResilienceClassifier.Classify(outcome.Result!.StatusCode, null);
    }

    private static AttemptState? StateOf(ResilienceContext context) => AttemptState.Of(context.GetRequestMessage());

    private static bool ShouldRetry(WhatsAppResilienceOptions options, ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        // A call the SDK did not tag (not from its own outer handler) is never retried: its duplicate safety is unknown.
        if (StateOf(context) is not { Replayable: true } state)
        {
            return false;
        }

        var kind = KindOf(context, outcome);
        if (!ResilienceClassifier.ShouldRetry(state.Operation, kind, options.RetryAmbiguousSends))
        {
            return false;
        }

        // Meta asked for a longer pause than the caller is willing to wait: hand the throttling error back now.
        return !(outcome.Result is not null && state.LastError?.RetryAfter is { } retryAfter && retryAfter > options.MaxRetryAfter);
    }

    private static TimeSpan? RetryDelay(WhatsAppResilienceOptions options, ResilienceContext context, int attemptNumber)
    {
        if (StateOf(context) is not { } state)
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
            var delay = TimeSpan.FromTicks((long)Math.Min(options.RecipientThrottleDelay.Ticks * factor, options.MaxDelay.Ticks));
            return delay < options.RecipientThrottleDelay ? options.RecipientThrottleDelay : delay;
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
