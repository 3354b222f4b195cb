using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureWa.Sdk.Alerts;

/// <summary>
/// The default <see cref="ISecurityAlertSink"/>: a warning log (an error log for <see cref="SecurityAlertSeverity.Critical"/>)
/// in category <see cref="LoggerCategory"/>, with the kind, severity, subject, observed value and threshold as
/// structured values. The <c>securewa.security.alerts</c> metric is counted by the monitor, whatever the sinks.
/// </summary>
public sealed partial class LoggingSecurityAlertSink : ISecurityAlertSink
{
    /// <summary>The log category.</summary>
    public const string LoggerCategory = "SecureWa.Sdk.SecurityAlerts";

    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    public LoggingSecurityAlertSink(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="alert"/> is <see langword="null"/>.</exception>
    public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var kind = alert.TokenFinding is { } finding ? alert.Kind + "/" + finding : alert.Kind.ToString();
        if (alert.Severity == SecurityAlertSeverity.Critical)
        {
            LogCritical(_logger, kind, alert.Severity, alert.Subject, alert.ObservedValue, alert.Threshold, alert.Unit, alert.Description);
        }
        else
        {
            LogWarning(_logger, kind, alert.Severity, alert.Subject, alert.ObservedValue, alert.Threshold, alert.Unit, alert.Description);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Warning, Message = "Security alert {AlertKind} ({Severity}) for {Subject}: observed {ObservedValue} {Unit}, threshold {Threshold}. {Description}")]
    private static partial void LogWarning(ILogger logger, string alertKind, SecurityAlertSeverity severity, string subject, double observedValue, double threshold, string unit, string description);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Error, Message = "Security alert {AlertKind} ({Severity}) for {Subject}: observed {ObservedValue} {Unit}, threshold {Threshold}. {Description}")]
    private static partial void LogCritical(ILogger logger, string alertKind, SecurityAlertSeverity severity, string subject, double observedValue, double threshold, string unit, string description);
}
