using System.Diagnostics.Metrics;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary>Token health metrics (tags: status and finding kind only; never the token or its id).</summary>
internal static class TokenHealthTelemetry
{
    public static readonly Counter<long> Checks = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.token.health.checks", unit: "{check}", description: "Token health checks, by resulting status.");

    public static readonly Counter<long> Findings = SecureWaDiagnostics.Meter.CreateCounter<long>(
        "securewa.token.health.findings", unit: "{finding}", description: "Token health findings, by kind.");

    private static double s_expiresInSeconds = double.NaN;
    private static int s_status = -1;

    static TokenHealthTelemetry()
    {
        SecureWaDiagnostics.Meter.CreateObservableGauge(
            "securewa.token.expires_in",
            static () => ExpiresIn(),
            unit: "s",
            description: "Seconds until the access token expires, as of the last check (absent for a never-expiring token).");
        SecureWaDiagnostics.Meter.CreateObservableGauge(
            "securewa.token.health.status",
            static () => Status(),
            unit: "{status}",
            description: "The last token health status: 0 healthy, 1 degraded, 2 unhealthy.");
    }

    private static IEnumerable<Measurement<double>> ExpiresIn()
    {
        var value = Volatile.Read(ref s_expiresInSeconds);
        return double.IsNaN(value) ? [] : [new Measurement<double>(value)];
    }

    private static IEnumerable<Measurement<int>> Status()
    {
        var value = Volatile.Read(ref s_status);
        return value < 0 ? [] : [new Measurement<int>(value)];
    }

    public static void Record(TokenHealthReport report)
    {
        Checks.Add(1, new KeyValuePair<string, object?>("status", report.Status.ToString()));
        foreach (var finding in report.Findings)
        {
            Findings.Add(1, new KeyValuePair<string, object?>("kind", finding.Kind.ToString()));
        }

        Volatile.Write(ref s_status, (int)report.Status);
        Volatile.Write(ref s_expiresInSeconds, report.Token?.ExpiresAt is { } at ? Math.Round((at - report.CheckedAt).TotalSeconds) : double.NaN);
    }
}
