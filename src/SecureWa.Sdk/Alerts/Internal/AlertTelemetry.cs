using System.Diagnostics.Metrics;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>The security-alert metrics (tags: kind and severity only, never a subject).</summary>
internal static class AlertTelemetry
{
    public static readonly Counter<long> Alerts = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.security.alerts", unit: "{alert}", description: "Security alerts raised (after de-duplication).");

    public static readonly Counter<long> Suppressed = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.security.alerts.suppressed", unit: "{alert}", description: "Security alert conditions suppressed by the cool-down.");

    public static readonly Counter<long> SinkFailures = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.security.alerts.sink_failures", unit: "{failure}", description: "Security alert sinks that threw.");
}
