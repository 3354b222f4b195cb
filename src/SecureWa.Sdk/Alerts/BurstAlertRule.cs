namespace SecureWa.Sdk.Alerts;

/// <summary>A burst rule: an alert when <see cref="Threshold"/> events happen within <see cref="Window"/>.</summary>
public sealed class BurstAlertRule
{
    /// <summary>Creates a rule with the default values (10 events in 5 minutes).</summary>
    public BurstAlertRule()
    {
    }

    /// <summary>Creates a rule.</summary>
    /// <param name="threshold">The number of events within <paramref name="window"/> that raises an alert.</param>
    /// <param name="window">The sliding window.</param>
    public BurstAlertRule(int threshold, TimeSpan window)
    {
        Threshold = threshold;
        Window = window;
    }

    /// <summary>The number of events within <see cref="Window"/> that raises an alert (reached, not exceeded). At least 1.</summary>
    public int Threshold { get; set; } = 10;

    /// <summary>The sliding window. Positive, at most a day.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the rule raises alerts at all. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    internal void Validate(string name, List<string> failures)
    {
        if (Threshold < 1 || Threshold > 1_000_000)
        {
            failures.Add($"SecurityAlerts.{name}.Threshold must be between 1 and 1000000.");
        }

        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromDays(1))
        {
            failures.Add($"SecurityAlerts.{name}.Window must be positive and at most one day.");
        }
    }
}
