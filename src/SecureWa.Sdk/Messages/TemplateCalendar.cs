namespace SecureWa.Sdk.Messages;

/// <summary>The <c>calendar</c> of a <see cref="TemplateDateTime"/>.</summary>
public enum TemplateCalendar
{
    /// <summary><c>GREGORIAN</c>.</summary>
    Gregorian = 0,

    /// <summary><c>SOLAR_HIJRI</c>.</summary>
    SolarHijri,
}
