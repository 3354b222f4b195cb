namespace SecureWa.Sdk.Messages;

/// <summary>
/// The full form of a <c>date_time</c> template parameter: the fallback text plus the date's components
/// (<c>day_of_week</c>, <c>year</c>, <c>month</c>, <c>day_of_month</c>, <c>hour</c>, <c>minute</c>,
/// <c>calendar</c>). WhatsApp currently displays the fallback value; the components are sent as documented.
/// </summary>
/// <example>
/// <code>
/// TemplateParameter.DateTime(TemplateDateTime.From(new DateTime(1977, 2, 25, 15, 33, 0), "February 25, 1977"))
/// </code>
/// </example>
public sealed class TemplateDateTime
{
    /// <summary>Creates the value with only the fallback text; set the components with the init properties.</summary>
    /// <param name="fallbackValue">The text shown (<c>fallback_value</c>), such as <c>February 25, 1977</c>.</param>
    public TemplateDateTime(string fallbackValue)
    {
        FallbackValue = fallbackValue;
    }

    /// <summary>The text shown (<c>fallback_value</c>).</summary>
    public string FallbackValue { get; }

    /// <summary>The day of the week (<c>day_of_week</c>), 1 (Monday) to 7 (Sunday).</summary>
    public int? DayOfWeek { get; init; }

    /// <summary>The year (<c>year</c>), 1 to 9999.</summary>
    public int? Year { get; init; }

    /// <summary>The month (<c>month</c>), 1 to 12.</summary>
    public int? Month { get; init; }

    /// <summary>The day of the month (<c>day_of_month</c>), 1 to 31.</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>The hour (<c>hour</c>), 0 to 23.</summary>
    public int? Hour { get; init; }

    /// <summary>The minute (<c>minute</c>), 0 to 59.</summary>
    public int? Minute { get; init; }

    /// <summary>The calendar (<c>calendar</c>); not sent when <see langword="null"/>.</summary>
    public TemplateCalendar? Calendar { get; init; }

    /// <summary>All components from a date and time, in the Gregorian calendar.</summary>
    /// <param name="value">The date and time, as the recipient should read it.</param>
    /// <param name="fallbackValue">The text shown (<c>fallback_value</c>).</param>
    /// <returns>The value.</returns>
    public static TemplateDateTime From(DateTime value, string fallbackValue) => new(fallbackValue)
    {
        DayOfWeek = value.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)value.DayOfWeek,
        Year = value.Year,
        Month = value.Month,
        DayOfMonth = value.Day,
        Hour = value.Hour,
        Minute = value.Minute,
        Calendar = TemplateCalendar.Gregorian,
    };
}
