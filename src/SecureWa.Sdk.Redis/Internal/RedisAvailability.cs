using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Redis.Internal;

/// <summary>
/// Whether a component may use Redis now: after a failure it decides locally until <c>RetryInterval</c> has passed,
/// then tries again. Each change (unreachable → fallback engaged, reachable again → recovered) is logged, counted and
/// sent to every <see cref="IRedisAvailabilityAlertSink"/> exactly once.
/// </summary>
internal sealed partial class RedisAvailability
{
    internal static readonly Counter<long> Changes = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.redis.availability.changes", unit: "{change}", description: "Redis became unreachable (state=fallback) or reachable again (state=recovered), tagged by component and state.");

    internal static readonly Counter<long> FallbackDecisions = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.redis.fallback.decisions", unit: "{decision}", description: "Decisions taken without Redis under the unavailable policy, tagged by component and policy.");

    private readonly string _component;
    private readonly RedisUnavailablePolicy _policy;
    private readonly TimeSpan _retryInterval;
    private readonly TimeProvider _timeProvider;
    private readonly IRedisAvailabilityAlertSink[] _sinks;
    private readonly ILogger _logger;
    private int _down;
    private long _retryAt;

    public RedisAvailability(string component, RedisUnavailablePolicy policy, TimeSpan retryInterval, TimeProvider timeProvider, IEnumerable<IRedisAvailabilityAlertSink> sinks, ILogger logger)
    {
        _component = component;
        _policy = policy;
        _retryInterval = retryInterval;
        _timeProvider = timeProvider;
        _sinks = sinks.ToArray();
        _logger = logger;
    }

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>Whether to call Redis now (up, or down and due for a retry).</summary>
    public bool ShouldTry() => Volatile.Read(ref _down) == 0 || _timeProvider.GetTimestamp() >= Volatile.Read(ref _retryAt);

    public void CountFallback() =>
        FallbackDecisions.Add(1, new KeyValuePair<string, object?>("component", _component), new KeyValuePair<string, object?>("policy", _policy.ToString()));

    public void OnFailure(Exception exception)
    {
        Volatile.Write(ref _retryAt, _timeProvider.GetTimestamp() + (long)(_retryInterval.TotalSeconds * _timeProvider.TimestampFrequency));
        if (Interlocked.Exchange(ref _down, 1) == 1)
        {
            return;
        }

        var reason = exception.GetType().Name;
        LogUnavailable(_logger, _component, reason, _policy);
        Raise(false, reason);
    }

    public void OnSuccess()
    {
        if (Volatile.Read(ref _down) == 0 || Interlocked.Exchange(ref _down, 0) == 0)
        {
            return;
        }

        LogRecovered(_logger, _component);
        Raise(true, null);
    }

    private void Raise(bool available, string? reason)
    {
        Changes.Add(1, new KeyValuePair<string, object?>("component", _component), new KeyValuePair<string, object?>("state", available ? "recovered" : "fallback"));
        var alert = new RedisAvailabilityAlert(_component, available, _policy, reason, _timeProvider.GetUtcNow());
        foreach (var sink in _sinks)
        {
            try
            {
                sink.OnAvailabilityChanged(alert);
            }
#pragma warning disable CA1031 // An alert sink must not break the send or the webhook.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSinkFailed(_logger, sink.GetType().Name, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "Redis is unreachable for the SecureWa {Component} ({Reason}); policy {Policy} is in force until it answers again")]
    private static partial void LogUnavailable(ILogger logger, string component, string reason, RedisUnavailablePolicy policy);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Redis answers again; the SecureWa {Component} uses the shared state")]
    private static partial void LogRecovered(ILogger logger, string component);

    [LoggerMessage(EventId = 62, Level = LogLevel.Error, Message = "A Redis availability alert sink ({Sink}) threw {ExceptionType}")]
    private static partial void LogSinkFailed(ILogger logger, string sink, string exceptionType);
}
