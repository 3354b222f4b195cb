namespace SecureWa.Sdk.Alerts;

/// <summary>
/// Business hours for operators: operator activity outside them raises
/// <see cref="SecurityAlertKind.ActivityOutsideBusinessHours"/>. Off until <see cref="TimeZoneId"/> is set.
/// </summary>
public sealed class BusinessHoursOptions
{
    /// <summary>The time zone the hours are in (an IANA or Windows id, such as <c>Europe/Amsterdam</c>). The detector is off when <see langword="null"/>.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Local start of the business day. Default 08:00.</summary>
    public TimeSpan Start { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Local end of the business day (exclusive). Default 18:00. An end before the start spans midnight.</summary>
    public TimeSpan End { get; set; } = TimeSpan.FromHours(18);

    /// <summary>
    /// The business days (of the local start of the shift). When <see langword="null"/> (the default): Monday to Friday.
    /// (A default of <see langword="null"/> lets configuration replace the list instead of appending to it.)
    /// </summary>
    public IList<DayOfWeek>? Days { get; set; }

    internal IEnumerable<DayOfWeek> EffectiveDays => Days ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    internal void Validate(List<string> failures)
    {
        if (TimeZoneId is null)
        {
            return;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            failures.Add("SecurityAlerts.BusinessHours.TimeZoneId is not a time zone this system knows.");
        }

        if (Start < TimeSpan.Zero || Start >= TimeSpan.FromDays(1) || End < TimeSpan.Zero || End > TimeSpan.FromDays(1) || Start == End)
        {
            failures.Add("SecurityAlerts.BusinessHours.Start and End must be times of day (00:00 to 24:00) and differ.");
        }
    }
}
