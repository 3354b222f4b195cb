using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts.Internal;
using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.Alerts;

/// <summary>
/// The in-process security detectors: send volume against a moving hourly baseline and an absolute cap, operator
/// activity outside business hours, bursts (rejected webhook signatures, Graph 190, access denied, consent refused),
/// simultaneous sessions of one operator from different addresses, sessions older than the expected maximum, and
/// token health findings. Each condition raises one <see cref="SecurityAlert"/> per cool-down window, delivered to
/// every <see cref="ISecurityAlertSink"/>. Thread-safe; all time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SecurityMonitor : ISecurityEventRecorder
{
    private readonly SecurityAlertOptions _options;
    private readonly ISecurityAlertSink[] _sinks;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeZoneInfo? _zone;
    private readonly HashSet<DayOfWeek> _businessDays;
    private readonly ConcurrentDictionary<string, HourlyVolume> _phoneVolumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HourlyVolume> _operatorVolumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BurstCounter> _bursts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperatorSessions> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastAlerts = new(StringComparer.Ordinal);
    private readonly object _alertsLock = new();

    /// <summary>Creates the monitor.</summary>
    /// <param name="options">Thresholds and windows; validated here.</param>
    /// <param name="sinks">Where alerts go (none is allowed: alerts are then only counted in the metric).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where sink failures are logged; none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="sinks"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public SecurityMonitor(SecurityAlertOptions options, IEnumerable<ISecurityAlertSink> sinks, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinks);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SecurityAlertOptions), failures);
        }

        _options = options;
        _sinks = sinks.Where(static s => s is not null).ToArray();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LoggingSecurityAlertSink.LoggerCategory);
        _zone = options.BusinessHours.TimeZoneId is { } zoneId ? TimeZoneInfo.FindSystemTimeZoneById(zoneId) : null;
        _businessDays = [.. options.BusinessHours.EffectiveDays];
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="phoneNumberId"/> is <see langword="null"/>.</exception>
    public void RecordSend(string phoneNumberId, string? operatorId = null)
    {
        ArgumentNullException.ThrowIfNull(phoneNumberId);
        var now = _time.GetUtcNow();
        if (_options.SendVolume.Enabled)
        {
            TrackVolume(_phoneVolumes, phoneNumberId, isOperator: false, now);
            if (operatorId is not null)
            {
                TrackVolume(_operatorVolumes, operatorId, isOperator: true, now);
            }
        }

        if (operatorId is not null)
        {
            CheckBusinessHours(operatorId, now);
        }
    }

    /// <inheritdoc />
    public void RecordWebhookSignatureRejected() =>
        TrackBurst("webhook_signature", _options.WebhookSignatureRejections, SecurityAlertKind.WebhookSignatureRejectionBurst, SecurityAlertSeverity.Critical, OpaqueId.Webhooks, "webhook deliveries with a rejected signature");

    /// <inheritdoc />
    public void RecordAuthenticationFailure() =>
        TrackBurst("graph_190", _options.AuthenticationFailures, SecurityAlertKind.AuthenticationFailureBurst, SecurityAlertSeverity.Critical, OpaqueId.AccessToken, "Graph error 190 answers (token rejected: revoked, expired or stolen)");

    /// <inheritdoc />
    public void RecordAccessDenied(string? operatorId = null)
    {
        var subject = operatorId is null ? OpaqueId.UnknownOperator : OpaqueId.Operator(operatorId);
        TrackBurst("access_denied|" + subject, _options.AccessDenied, SecurityAlertKind.AccessDeniedBurst, SecurityAlertSeverity.Warning, subject, "operations refused by access control");
        if (operatorId is not null)
        {
            CheckBusinessHours(operatorId, _time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public void RecordConsentRefused() =>
        TrackBurst("consent_refused", _options.ConsentRefusals, SecurityAlertKind.ConsentRefusalBurst, SecurityAlertSeverity.Warning, OpaqueId.Consent, "sends refused for missing consent");

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="operatorId"/> or <paramref name="sessionId"/> is <see langword="null"/>.</exception>
    public void RecordSessionUse(string operatorId, string sessionId, string? clientIp, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(sessionId);
        var now = _time.GetUtcNow();
        var sessions = _options.Sessions;
        if (sessions.Enabled)
        {
            var age = now - issuedAt;
            if (age > sessions.MaxSessionAge)
            {
                var subject = OpaqueId.Session(sessionId);
                if (TryClaim(SecurityAlertKind.SessionTooOld, subject, null, now, _options.CoolDown))
                {
                    Deliver(new SecurityAlert(
                        SecurityAlertKind.SessionTooOld,
                        SecurityAlertSeverity.Warning,
                        now,
                        subject,
                        Math.Round(age.TotalHours, 2),
                        sessions.MaxSessionAge.TotalHours,
                        "hours",
                        string.Create(CultureInfo.InvariantCulture, $"A session of {OpaqueId.Operator(operatorId)} is {age.TotalHours:0.#} hours old, older than the expected maximum of {sessions.MaxSessionAge.TotalHours:0.#} hours.")));
                }
            }

            if (GetBounded(_sessions, operatorId) is { } tracked)
            {
                int addresses;
                lock (tracked)
                {
                    addresses = tracked.Use(OpaqueId.Hash(sessionId), clientIp, now, sessions.ConcurrencyWindow);
                }

                if (addresses > 1)
                {
                    var subject = OpaqueId.Operator(operatorId);
                    if (TryClaim(SecurityAlertKind.ConcurrentSessionsFromDifferentAddresses, subject, null, now, _options.CoolDown))
                    {
                        Deliver(new SecurityAlert(
                            SecurityAlertKind.ConcurrentSessionsFromDifferentAddresses,
                            SecurityAlertSeverity.Critical,
                            now,
                            subject,
                            addresses,
                            1,
                            "client addresses",
                            string.Create(CultureInfo.InvariantCulture, $"{subject} has sessions in use from {addresses} different client addresses within {sessions.ConcurrencyWindow.TotalMinutes:0.#} minutes.")));
                    }
                }
            }
        }

        CheckBusinessHours(operatorId, now);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="operatorId"/> is <see langword="null"/>.</exception>
    public void RecordOperatorActivity(string operatorId)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        CheckBusinessHours(operatorId, _time.GetUtcNow());
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public void RecordTokenHealth(TokenHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = _time.GetUtcNow();
        var subject = report.TokenId is { } id ? OpaqueId.Token(id) : OpaqueId.AccessToken;
        foreach (var finding in report.Findings)
        {
            if (TryClaim(SecurityAlertKind.TokenHealth, subject, finding.Kind, now, _options.TokenFindingCoolDown))
            {
                Deliver(new SecurityAlert(
                    SecurityAlertKind.TokenHealth,
                    finding.Status == TokenHealthStatus.Unhealthy ? SecurityAlertSeverity.Critical : SecurityAlertSeverity.Warning,
                    now,
                    subject,
                    finding.ObservedValue,
                    finding.Threshold,
                    finding.Unit,
                    finding.Description,
                    finding.Kind));
            }
        }
    }

    private void TrackVolume(ConcurrentDictionary<string, HourlyVolume> volumes, string id, bool isOperator, DateTimeOffset now)
    {
        var options = _options.SendVolume;
        var hour = now.ToUnixTimeSeconds() / 3600;
        if (!volumes.TryGetValue(id, out var volume))
        {
            if (volumes.Count >= _options.MaxTrackedSubjects)
            {
                return;
            }

            volume = volumes.GetOrAdd(id, static (_, state) => new HourlyVolume(state.hour, state.baselineHours), (hour, baselineHours: options.BaselineHours));
        }

        long current;
        double baseline;
        int history;
        lock (volume)
        {
            volume.Add(hour);
            current = volume.Current;
            baseline = volume.Baseline;
            history = volume.HistoryCount;
        }

        if (options.AbsoluteHourlyCap is { } cap && current > cap)
        {
            var subject = isOperator ? OpaqueId.Operator(id) : OpaqueId.PhoneNumberId(id);
            if (TryClaim(SecurityAlertKind.SendVolumeAboveCap, subject, null, now, _options.CoolDown))
            {
                Deliver(new SecurityAlert(
                    SecurityAlertKind.SendVolumeAboveCap,
                    SecurityAlertSeverity.Critical,
                    now,
                    subject,
                    current,
                    cap,
                    "messages/hour",
                    string.Create(CultureInfo.InvariantCulture, $"{subject} sent {current} messages this hour, above the absolute cap of {cap}.")));
            }
        }

        if (history >= options.MinimumBaselineHours)
        {
            var threshold = Math.Max(baseline * options.BaselineMultiple, options.MinimumHourlyVolume);
            if (current > threshold)
            {
                var subject = isOperator ? OpaqueId.Operator(id) : OpaqueId.PhoneNumberId(id);
                if (TryClaim(SecurityAlertKind.SendVolumeAboveBaseline, subject, null, now, _options.CoolDown))
                {
                    Deliver(new SecurityAlert(
                        SecurityAlertKind.SendVolumeAboveBaseline,
                        SecurityAlertSeverity.Warning,
                        now,
                        subject,
                        current,
                        Math.Round(threshold, 2),
                        "messages/hour",
                        string.Create(CultureInfo.InvariantCulture, $"{subject} sent {current} messages this hour, above {options.BaselineMultiple:0.##}x its hourly baseline of {baseline:0.##} over the last {history} hours.")));
                }
            }
        }
    }

    private void TrackBurst(string key, BurstAlertRule rule, SecurityAlertKind kind, SecurityAlertSeverity severity, string subject, string what)
    {
        if (!rule.Enabled || GetBounded(_bursts, key) is not { } counter)
        {
            return;
        }

        var now = _time.GetUtcNow();
        int count;
        lock (counter)
        {
            count = counter.Add(now, rule.Window);
        }

        if (count >= rule.Threshold && TryClaim(kind, subject, null, now, _options.CoolDown))
        {
            Deliver(new SecurityAlert(
                kind,
                severity,
                now,
                subject,
                count,
                rule.Threshold,
                "events/" + FormatWindow(rule.Window),
                string.Create(CultureInfo.InvariantCulture, $"{count} {what} within {FormatWindow(rule.Window)} (threshold {rule.Threshold}).")));
        }
    }

    private void CheckBusinessHours(string operatorId, DateTimeOffset now)
    {
        if (_zone is null)
        {
            return;
        }

        var hours = _options.BusinessHours;
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var timeOfDay = local.TimeOfDay;
        bool inside;
        if (hours.Start < hours.End)
        {
            inside = _businessDays.Contains(local.DayOfWeek) && timeOfDay >= hours.Start && timeOfDay < hours.End;
        }
        else if (timeOfDay >= hours.Start)
        {
            inside = _businessDays.Contains(local.DayOfWeek);
        }
        else
        {
            // Before the end of a shift that started the day before.
            inside = timeOfDay < hours.End && _businessDays.Contains((DayOfWeek)(((int)local.DayOfWeek + 6) % 7));
        }

        if (inside)
        {
            return;
        }

        var subject = OpaqueId.Operator(operatorId);
        if (TryClaim(SecurityAlertKind.ActivityOutsideBusinessHours, subject, null, now, _options.CoolDown))
        {
            var boundary = timeOfDay < hours.Start ? hours.Start : hours.End;
            Deliver(new SecurityAlert(
                SecurityAlertKind.ActivityOutsideBusinessHours,
                SecurityAlertSeverity.Warning,
                now,
                subject,
                Math.Round(timeOfDay.TotalHours, 2),
                boundary.TotalHours,
                "local hour of day",
                string.Create(CultureInfo.InvariantCulture, $"{subject} was active on {local:dddd} at {local:HH:mm} ({_zone.Id}), outside business hours {hours.Start:hh\\:mm}-{hours.End:hh\\:mm} on {string.Join(",", _businessDays.Order())}.")));
        }
    }

    private T? GetBounded<T>(ConcurrentDictionary<string, T> map, string key)
        where T : class, new()
    {
        if (map.TryGetValue(key, out var value))
        {
            return value;
        }

        return map.Count >= _options.MaxTrackedSubjects ? null : map.GetOrAdd(key, static _ => new T());
    }

    /// <summary>Claims the right to raise the condition now: <see langword="false"/> while its cool-down runs.</summary>
    private bool TryClaim(SecurityAlertKind kind, string subject, TokenHealthFindingKind? finding, DateTimeOffset now, TimeSpan coolDown)
    {
        var key = finding is { } f ? string.Concat(kind.ToString(), "/", f.ToString(), "|", subject) : kind + "|" + subject;
        lock (_alertsLock)
        {
            if (_lastAlerts.TryGetValue(key, out var last) && now - last < coolDown)
            {
                AlertTelemetry.Suppressed.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
                return false;
            }

            if (_lastAlerts.Count >= _options.MaxTrackedSubjects * 4)
            {
                var longest = _options.CoolDown > _options.TokenFindingCoolDown ? _options.CoolDown : _options.TokenFindingCoolDown;
                foreach (var stale in _lastAlerts.Where(e => now - e.Value >= longest).Select(static e => e.Key).ToList())
                {
                    _lastAlerts.Remove(stale);
                }
            }

            _lastAlerts[key] = now;
            return true;
        }
    }

    private void Deliver(SecurityAlert alert)
    {
        AlertTelemetry.Alerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind.ToString()), new KeyValuePair<string, object?>("severity", alert.Severity.ToString()));
        foreach (var sink in _sinks)
        {
            try
            {
                var pending = sink.SendAsync(alert, CancellationToken.None);
                if (!pending.IsCompletedSuccessfully)
                {
                    _ = ObserveAsync(pending, sink);
                }
            }
#pragma warning disable CA1031 // A failing sink must not fail the operation that detected the condition, nor the other sinks.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReportSinkFailure(sink, ex);
            }
        }
    }

    private async Task ObserveAsync(ValueTask pending, ISecurityAlertSink sink)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See Deliver.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReportSinkFailure(sink, ex);
        }
    }

    private void ReportSinkFailure(ISecurityAlertSink sink, Exception ex)
    {
        AlertTelemetry.SinkFailures.Add(1);
        LogSinkFailed(_logger, sink.GetType().Name, ex.GetType().Name);
    }

    private static string FormatWindow(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalMinutes % 1 == 0
            ? window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "min"
            : window.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    [LoggerMessage(EventId = 1602, Level = LogLevel.Error, Message = "Security alert sink {Sink} failed: {ExceptionType}")]
    private static partial void LogSinkFailed(ILogger logger, string sink, string exceptionType);
}
