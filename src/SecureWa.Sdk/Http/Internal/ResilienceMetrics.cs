using System.Diagnostics.Metrics;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>Instruments of the rate limiter and the resilience pipeline. Tags: operation, scope, reason, state; never a phone number.</summary>
internal static class ResilienceMetrics
{
    public static readonly Counter<long> Retries = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.resilience.retries", unit: "{retry}", description: "Attempts repeated by the SDK, tagged by operation and reason.");

    public static readonly Counter<long> DeliveryUnknown = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.resilience.delivery_unknown", unit: "{call}", description: "Sends or uploads whose outcome is unknown (not resent), tagged by operation and reason.");

    public static readonly Counter<long> CircuitTransitions = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.resilience.circuit_breaker.transitions", unit: "{transition}", description: "Circuit breaker state changes, tagged by pipeline and state.");

    public static readonly Counter<long> RateLimitWaits = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.ratelimit.waits", unit: "{request}", description: "Requests that waited for a client-side rate limit permit, tagged by operation and scope.");

    public static readonly Histogram<double> RateLimitWaitDuration = SecureWaDiagnostics.Meter.CreateHistogram<double>(
        "securewa.ratelimit.wait.duration", unit: "s", description: "How long requests waited for a client-side rate limit permit.");

    public static readonly Counter<long> RateLimitRejections = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.ratelimit.rejections", unit: "{request}", description: "Requests refused by the client-side rate limiter (nothing sent), tagged by operation, scope and reason.");

    public static readonly Counter<long> RecipientEvictions = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.ratelimit.recipients.evicted", unit: "{recipient}", description: "Recipient rate-limit entries forgotten, tagged by reason (expired, capacity).");
}
