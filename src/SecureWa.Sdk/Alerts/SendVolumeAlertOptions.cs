namespace SecureWa.Sdk.Alerts;

/// <summary>
/// The send-volume detector: per phone number id and per operator, sends in the current clock hour are compared with
/// the average of the previous complete hours that had sends (up to <see cref="BaselineHours"/> of them; silent hours
/// do not lower the baseline) and with an absolute cap.
/// </summary>
public sealed class SendVolumeAlertOptions
{
    /// <summary>Whether the detector runs. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>An hour above this multiple of the baseline raises <see cref="SecurityAlertKind.SendVolumeAboveBaseline"/>. Default 5.</summary>
    public double BaselineMultiple { get; set; } = 5;

    /// <summary>How many past active hours (hours with sends) the moving baseline averages. Default 24.</summary>
    public int BaselineHours { get; set; } = 24;

    /// <summary>The baseline is trusted only after this many complete active hours were seen. Default 3.</summary>
    public int MinimumBaselineHours { get; set; } = 3;

    /// <summary>No baseline alert below this many sends in the hour (a quiet number going from 2 to 11 is not an attack). Default 100.</summary>
    public int MinimumHourlyVolume { get; set; } = 100;

    /// <summary>An hour above this many sends raises <see cref="SecurityAlertKind.SendVolumeAboveCap"/>, whatever the baseline. Off when <see langword="null"/> (the default).</summary>
    public int? AbsoluteHourlyCap { get; set; }

    internal void Validate(List<string> failures)
    {
        if (BaselineMultiple <= 1 || double.IsNaN(BaselineMultiple) || double.IsInfinity(BaselineMultiple))
        {
            failures.Add("SecurityAlerts.SendVolume.BaselineMultiple must be a finite number above 1.");
        }

        if (BaselineHours < 1 || BaselineHours > 24 * 31)
        {
            failures.Add("SecurityAlerts.SendVolume.BaselineHours must be between 1 and 744.");
        }

        if (MinimumBaselineHours < 1 || MinimumBaselineHours > BaselineHours)
        {
            failures.Add("SecurityAlerts.SendVolume.MinimumBaselineHours must be between 1 and BaselineHours.");
        }

        if (MinimumHourlyVolume < 0)
        {
            failures.Add("SecurityAlerts.SendVolume.MinimumHourlyVolume must not be negative.");
        }

        if (AbsoluteHourlyCap is < 1)
        {
            failures.Add("SecurityAlerts.SendVolume.AbsoluteHourlyCap must be at least 1 when set.");
        }
    }
}
