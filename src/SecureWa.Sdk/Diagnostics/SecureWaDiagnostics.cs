using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecureWa.Sdk.Diagnostics;

/// <summary>
/// The names under which the SDK publishes traces and metrics. Subscribe with
/// <c>AddSource(SecureWaDiagnostics.ActivitySourceName)</c> and <c>AddMeter(SecureWaDiagnostics.MeterName)</c>.
/// Tags never carry secrets or unmasked phone numbers.
/// </summary>
public static class SecureWaDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "SecureWa.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "SecureWa.Sdk";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(SecureWaDiagnostics).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(SecureWaDiagnostics).Assembly.GetName().Version?.ToString());

    /// <summary>Messages accepted by the Cloud API, tagged by message type.</summary>
    internal static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("securewa.messages.sent", unit: "{message}", description: "Messages accepted by the WhatsApp Cloud API.");

    /// <summary>Graph API errors, tagged by category and code.</summary>
    internal static readonly Counter<long> ApiErrors = Meter.CreateCounter<long>("securewa.api.errors", unit: "{error}", description: "Errors returned by the Graph API.");
}
