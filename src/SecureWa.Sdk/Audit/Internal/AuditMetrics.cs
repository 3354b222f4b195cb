using System.Diagnostics.Metrics;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>The audit trail's instruments on the SDK meter (<see cref="SecureWaDiagnostics.MeterName"/>). Tags carry no personal data.</summary>
internal static class AuditMetrics
{
    /// <summary>Audit records written, tagged by record class.</summary>
    public static readonly Counter<long> Records = SecureWaDiagnostics.Meter.CreateCounter<long>("securewa.audit.records", unit: "{record}", description: "Audit records written.");

    /// <summary>Audit records that could not be written, tagged by phase and whether the operation was refused.</summary>
    public static readonly Counter<long> WriteFailures = SecureWaDiagnostics.Meter.CreateCounter<long>("securewa.audit.write_failures", unit: "{record}", description: "Audit records that could not be written (an alert condition).");

    /// <summary>Operations whose outcome could not be recorded after the call: their intent stays as "outcome unknown".</summary>
    public static readonly Counter<long> OutcomeUnknown = SecureWaDiagnostics.Meter.CreateCounter<long>("securewa.audit.outcome_unknown", unit: "{operation}", description: "Operations left as 'outcome unknown' in the audit trail.");
}
