namespace SecureWa.Sdk.Alerts;

/// <summary>The operator-session detectors.</summary>
public sealed class SessionAlertOptions
{
    /// <summary>Whether the detectors run. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A session used later than this after it was issued raises <see cref="SecurityAlertKind.SessionTooOld"/>. Default 12 hours.</summary>
    public TimeSpan MaxSessionAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Sessions of one operator used within this window of each other count as simultaneous; from two or more client
    /// addresses they raise <see cref="SecurityAlertKind.ConcurrentSessionsFromDifferentAddresses"/>. Default 15 minutes.
    /// </summary>
    public TimeSpan ConcurrencyWindow { get; set; } = TimeSpan.FromMinutes(15);

    internal void Validate(List<string> failures)
    {
        if (MaxSessionAge <= TimeSpan.Zero)
        {
            failures.Add("SecurityAlerts.Sessions.MaxSessionAge must be positive.");
        }

        if (ConcurrencyWindow <= TimeSpan.Zero || ConcurrencyWindow > TimeSpan.FromDays(1))
        {
            failures.Add("SecurityAlerts.Sessions.ConcurrencyWindow must be positive and at most one day.");
        }
    }
}
