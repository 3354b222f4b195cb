using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Tests.Messages;
using SecureWa.Sdk.Tokens;
using FakeClock = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace SecureWa.Sdk.Tests.Alerts;

public sealed class SecurityMonitorTests
{
    private const string PhoneNumberId = "106540352242922";

    // Monday 2 March 2026, 00:00 UTC: an hour boundary, winter time in Europe.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeClock _clock = new(Start);
    private readonly CollectingAlertSink _sink = new();

    [Fact]
    public void RecordSend_FiveTimesTheHourlyBaseline_AlertsOncePerCoolDownWithObservedAndThreshold()
    {
        var monitor = Create(o => o.SendVolume.MinimumHourlyVolume = 10);
        for (var hour = 0; hour < 3; hour++)
        {
            Send(monitor, 20);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        // Hour 4 (03:00): the baseline is 20/h, so the threshold is 100 and the 101st send crosses it.
        Send(monitor, 150);
        var first = Assert.Single(_sink.Alerts);
        Assert.Equal(SecurityAlertKind.SendVolumeAboveBaseline, first.Kind);
        Assert.Equal(SecurityAlertSeverity.Warning, first.Severity);
        Assert.Equal("phone_number_id:" + PhoneNumberId, first.Subject);
        Assert.Equal(101, first.ObservedValue);
        Assert.Equal(100, first.Threshold);
        Assert.Equal("messages/hour", first.Unit);
        Assert.Equal(Start.AddHours(3), first.OccurredAt);

        // Still above, inside the cool-down: nothing new.
        _clock.Advance(TimeSpan.FromMinutes(30));
        Send(monitor, 50);
        Assert.Single(_sink.Alerts);

        // 04:10, the cool-down is over; the baseline is now (20+20+20+200)/4 = 65, the threshold 325.
        _clock.Advance(TimeSpan.FromMinutes(40));
        Send(monitor, 400);
        Assert.Equal(2, _sink.Alerts.Count);
        var second = _sink.Alerts.Last();
        Assert.Equal(326, second.ObservedValue);
        Assert.Equal(325, second.Threshold);
    }

    [Fact]
    public void RecordSend_SteadyLoadForTwoDays_StaysQuiet()
    {
        var monitor = Create(o => o.SendVolume.MinimumHourlyVolume = 0);
        var random = new Random(42);
        for (var hour = 0; hour < 48; hour++)
        {
            // Between 30 and 90 an hour, spread over the hour: never 5x the average.
            var count = random.Next(30, 91);
            for (var i = 0; i < count; i++)
            {
                monitor.RecordSend(PhoneNumberId, "agent-7");
                _clock.Advance(TimeSpan.FromHours(1) / (count + 1));
            }

            _clock.SetUtcNow(Start.AddHours(hour + 1));
        }

        Assert.Empty(_sink.Alerts);
    }

    [Fact]
    public void RecordSend_DailyMorningBatchWithSilentNights_StaysQuiet()
    {
        var monitor = Create(o => o.SendVolume.MinimumHourlyVolume = 0);
        for (var day = 0; day < 5; day++)
        {
            _clock.SetUtcNow(Start.AddDays(day).AddHours(9));
            Send(monitor, 500);
            _clock.SetUtcNow(Start.AddDays(day).AddHours(10));
            Send(monitor, 40);
        }

        Assert.Empty(_sink.Alerts);
    }

    [Fact]
    public void RecordSend_QuietNumberJumpsBelowMinimumVolume_StaysQuiet()
    {
        var monitor = Create();
        for (var hour = 0; hour < 5; hour++)
        {
            Send(monitor, 2);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        // 10x the baseline, but 20 sends an hour is below the default minimum of 100.
        Send(monitor, 20);

        Assert.Empty(_sink.Alerts);
    }

    [Fact]
    public void RecordSend_AboveAbsoluteCap_AlertsCriticalFromTheFirstHour()
    {
        var monitor = Create(o => o.SendVolume.AbsoluteHourlyCap = 10);

        Send(monitor, 25, operatorId: "agent-7");

        var alerts = _sink.Of(SecurityAlertKind.SendVolumeAboveCap);
        Assert.Equal(2, alerts.Count);
        Assert.Contains(alerts, a => a.Subject == "phone_number_id:" + PhoneNumberId);
        Assert.Contains(alerts, a => a.Subject == "operator:agent-7");
        Assert.All(alerts, a =>
        {
            Assert.Equal(SecurityAlertSeverity.Critical, a.Severity);
            Assert.Equal(11, a.ObservedValue);
            Assert.Equal(10, a.Threshold);
        });
    }

    [Fact]
    public void RecordSend_OperatorOutsideBusinessHours_AlertsInTheConfiguredTimeZone()
    {
        var monitor = Create(o =>
        {
            o.BusinessHours.TimeZoneId = "Europe/Amsterdam";
            o.BusinessHours.Start = TimeSpan.FromHours(9);
            o.BusinessHours.End = TimeSpan.FromHours(17);
        });

        // Monday 07:30 UTC is 08:30 in Amsterdam in winter (UTC+1): before 09:00.
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.Zero));
        monitor.RecordSend(PhoneNumberId, "early-bird");
        var alert = Assert.Single(_sink.Alerts);
        Assert.Equal(SecurityAlertKind.ActivityOutsideBusinessHours, alert.Kind);
        Assert.Equal("operator:early-bird", alert.Subject);
        Assert.Equal(8.5, alert.ObservedValue);
        Assert.Equal(9, alert.Threshold);

        // Monday 07:30 UTC in summer is 09:30 in Amsterdam (UTC+2): inside.
        _clock.SetUtcNow(new DateTimeOffset(2026, 7, 6, 7, 30, 0, TimeSpan.Zero));
        monitor.RecordSend(PhoneNumberId, "summer-agent");
        monitor.RecordOperatorActivity("summer-agent");
        Assert.Single(_sink.Alerts);

        // Saturday noon: not a business day.
        _clock.SetUtcNow(new DateTimeOffset(2026, 7, 11, 10, 0, 0, TimeSpan.Zero));
        monitor.RecordOperatorActivity("summer-agent");
        Assert.Equal(2, _sink.Alerts.Count);
        Assert.Equal("operator:summer-agent", _sink.Alerts.Last().Subject);
    }

    [Fact]
    public void RecordOperatorActivity_NightShiftAcrossMidnight_AlertsOnlyOutsideTheShift()
    {
        var monitor = Create(o =>
        {
            o.BusinessHours.TimeZoneId = "UTC";
            o.BusinessHours.Start = TimeSpan.FromHours(22);
            o.BusinessHours.End = TimeSpan.FromHours(6);
            o.BusinessHours.Days = [DayOfWeek.Monday];
        });

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero)); // Monday 23:00, the shift started Monday
        monitor.RecordOperatorActivity("night-1");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero)); // Tuesday 05:00, still Monday's shift
        monitor.RecordOperatorActivity("night-2");
        Assert.Empty(_sink.Alerts);

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero)); // Tuesday noon
        monitor.RecordOperatorActivity("night-3");
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 23, 0, 0, TimeSpan.Zero)); // Tuesday 23:00: no shift on Tuesday
        monitor.RecordOperatorActivity("night-4");

        Assert.Equal(["operator:night-3", "operator:night-4"], _sink.Alerts.Select(a => a.Subject));
    }

    [Fact]
    public void RecordSend_BusinessHoursNotConfigured_NeverAlertsOnTime()
    {
        var monitor = Create();
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 7, 3, 0, 0, TimeSpan.Zero)); // Saturday 03:00

        monitor.RecordSend(PhoneNumberId, "night-owl");

        Assert.Empty(_sink.Alerts);
    }

    public static TheoryData<string, SecurityAlertKind, int, SecurityAlertSeverity, string> Bursts => new()
    {
        { "signature", SecurityAlertKind.WebhookSignatureRejectionBurst, 10, SecurityAlertSeverity.Critical, "webhooks" },
        { "graph190", SecurityAlertKind.AuthenticationFailureBurst, 3, SecurityAlertSeverity.Critical, "access_token" },
        { "denied", SecurityAlertKind.AccessDeniedBurst, 10, SecurityAlertSeverity.Warning, "operator:mallory" },
        { "consent", SecurityAlertKind.ConsentRefusalBurst, 20, SecurityAlertSeverity.Warning, "consent" },
    };

    [Theory]
    [MemberData(nameof(Bursts))]
    public void Record_BurstReachingThreshold_AlertsOncePerCoolDown(string signal, SecurityAlertKind kind, int threshold, SecurityAlertSeverity severity, string subject)
    {
        var monitor = Create();
        for (var i = 0; i < threshold - 1; i++)
        {
            Record(monitor, signal);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Empty(_sink.Alerts);
        Record(monitor, signal);
        var alert = Assert.Single(_sink.Alerts);
        Assert.Equal(kind, alert.Kind);
        Assert.Equal(severity, alert.Severity);
        Assert.Equal(subject, alert.Subject);
        Assert.Equal(threshold, alert.ObservedValue);
        Assert.Equal(threshold, alert.Threshold);

        // The burst goes on inside the cool-down: still one alert.
        for (var i = 0; i < threshold * 3; i++)
        {
            Record(monitor, signal);
        }

        Assert.Single(_sink.Alerts);

        // After the cool-down, a new burst alerts again.
        _clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < threshold; i++)
        {
            Record(monitor, signal);
        }

        Assert.Equal(2, _sink.Alerts.Count);
    }

    [Theory]
    [MemberData(nameof(Bursts))]
    public void Record_EventsSpreadBeyondTheWindow_StaysQuiet(string signal, SecurityAlertKind kind, int threshold, SecurityAlertSeverity severity, string subject)
    {
        _ = (kind, severity, subject);
        var monitor = Create();

        // One event a minute less than the window divided by the threshold apart... spread so no window holds the threshold.
        var window = signal == "consent" ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(5);
        var gap = window / (threshold - 1) + TimeSpan.FromSeconds(1);
        for (var i = 0; i < threshold * 5; i++)
        {
            Record(monitor, signal);
            _clock.Advance(gap);
        }

        Assert.Empty(_sink.Alerts);
    }

    [Fact]
    public void RecordSessionUse_OneOperatorFromTwoAddressesAtOnce_AlertsWithTheAddressCount()
    {
        var monitor = Create();
        var issued = _clock.GetUtcNow();

        monitor.RecordSessionUse("agent-7", "sess-secret-A", "203.0.113.10", issued);
        _clock.Advance(TimeSpan.FromMinutes(1));
        monitor.RecordSessionUse("agent-7", "sess-secret-A", "203.0.113.10", issued);
        Assert.Empty(_sink.Alerts);

        _clock.Advance(TimeSpan.FromMinutes(5));
        monitor.RecordSessionUse("agent-7", "sess-secret-B", "198.51.100.77", issued);

        var alert = Assert.Single(_sink.Alerts);
        Assert.Equal(SecurityAlertKind.ConcurrentSessionsFromDifferentAddresses, alert.Kind);
        Assert.Equal(SecurityAlertSeverity.Critical, alert.Severity);
        Assert.Equal("operator:agent-7", alert.Subject);
        Assert.Equal(2, alert.ObservedValue);
        Assert.Equal(1, alert.Threshold);
        Assert.DoesNotContain("203.0.113.10", alert.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.77", alert.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sess-secret", alert.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordSessionUse_SessionsFromTwoAddressesFarApart_StaysQuiet()
    {
        var monitor = Create();

        monitor.RecordSessionUse("agent-7", "sess-home", "203.0.113.10", _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(20));
        monitor.RecordSessionUse("agent-7", "sess-office", "198.51.100.77", _clock.GetUtcNow());

        Assert.Empty(_sink.Alerts);
    }

    [Fact]
    public void RecordSessionUse_OlderThanMaximum_AlertsWithAgeAndAnOpaqueSessionSubject()
    {
        var monitor = Create();
        var issued = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromHours(11));
        monitor.RecordSessionUse("agent-7", "sess-secret-A", "203.0.113.10", issued);
        Assert.Empty(_sink.Alerts);

        _clock.Advance(TimeSpan.FromHours(2));
        monitor.RecordSessionUse("agent-7", "sess-secret-A", "203.0.113.10", issued);
        monitor.RecordSessionUse("agent-7", "sess-secret-A", "203.0.113.10", issued);

        var alert = Assert.Single(_sink.Alerts);
        Assert.Equal(SecurityAlertKind.SessionTooOld, alert.Kind);
        Assert.Equal(13, alert.ObservedValue);
        Assert.Equal(12, alert.Threshold);
        Assert.StartsWith("session#", alert.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("sess-secret-A", alert.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTokenHealth_FindingRepeatedEverySixHours_AlertsOncePerTokenCoolDown()
    {
        var monitor = Create();
        var finding = new TokenHealthFinding(TokenHealthFindingKind.ExpiresSoon, TokenHealthStatus.Degraded, "The access token expires in 3 days.", 3, 7, "days left");

        for (var check = 0; check < 5; check++)
        {
            monitor.RecordTokenHealth(new TokenHealthReport(_clock.GetUtcNow(), null, "0123456789abcdef", null, [finding]));
            _clock.Advance(TimeSpan.FromHours(6));
        }

        // Checks at 0, 6, 12, 18 and 24 hours: the first and the one 24 hours later.
        var alerts = _sink.Of(SecurityAlertKind.TokenHealth);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a =>
        {
            Assert.Equal(TokenHealthFindingKind.ExpiresSoon, a.TokenFinding);
            Assert.Equal(SecurityAlertSeverity.Warning, a.Severity);
            Assert.Equal("token#0123456789abcdef", a.Subject);
            Assert.Equal(3, a.ObservedValue);
            Assert.Equal(7, a.Threshold);
        });
    }

    [Fact]
    public void RecordTokenHealth_UnhealthyFinding_IsCritical()
    {
        var monitor = Create();
        var finding = new TokenHealthFinding(TokenHealthFindingKind.Invalid, TokenHealthStatus.Unhealthy, "Graph reports the access token as not valid.", 190, 0, "error code");

        monitor.RecordTokenHealth(new TokenHealthReport(_clock.GetUtcNow(), null, null, null, [finding]));

        var alert = Assert.Single(_sink.Alerts);
        Assert.Equal(SecurityAlertSeverity.Critical, alert.Severity);
        Assert.Equal("access_token", alert.Subject);
    }

    [Fact]
    public void Deliver_SinkThrows_OtherSinksStillReceiveAndTheFailureIsLoggedWithoutDetails()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new SecurityAlertOptions { AuthenticationFailures = new BurstAlertRule(1, TimeSpan.FromMinutes(5)) };
        var monitor = new SecurityMonitor(options, [new ThrowingSink(), _sink], _clock, loggerFactory);

        monitor.RecordAuthenticationFailure();

        Assert.Single(_sink.Alerts);
        var line = Assert.Single(logs.Lines, l => l.Contains("ThrowingSink", StringComparison.Ordinal));
        Assert.Contains(nameof(InvalidOperationException), line, StringComparison.Ordinal);
        Assert.DoesNotContain("smtp-password", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_OperatorIdsThatArePersonalData_NeverReachAlertsOrLogs()
    {
        const string phoneOperator = "+31 6 1234 5678";
        const string mailOperator = "alice@example.com";
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new SecurityAlertOptions();
        options.SendVolume.AbsoluteHourlyCap = 1;
        options.BusinessHours.TimeZoneId = "Europe/Amsterdam";
        var monitor = new SecurityMonitor(options, [_sink, new LoggingSecurityAlertSink(loggerFactory)], _clock, loggerFactory);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.Zero)); // Saturday night

        foreach (var op in new[] { phoneOperator, mailOperator })
        {
            monitor.RecordSend(PhoneNumberId, op);
            monitor.RecordSend(PhoneNumberId, op);
            monitor.RecordSessionUse(op, "session-token-" + op, "203.0.113.10", _clock.GetUtcNow().AddDays(-2));
            monitor.RecordSessionUse(op, "session-token-2-" + op, "198.51.100.77", _clock.GetUtcNow());
            for (var i = 0; i < 10; i++)
            {
                monitor.RecordAccessDenied(op);
            }
        }

        Assert.True(_sink.Alerts.Count >= 8, $"expected the detectors to fire, got {_sink.Alerts.Count}");
        var texts = _sink.Alerts.Select(a => a.ToString() + " " + a.Subject + " " + a.Description)
            .Concat(logs.Lines)
            .ToList();
        Assert.NotEmpty(logs.Lines);
        foreach (var text in texts)
        {
            Assert.DoesNotContain("1234 5678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain(mailOperator, text, StringComparison.Ordinal);
            Assert.DoesNotContain("session-token", text, StringComparison.Ordinal);
            Assert.DoesNotContain("203.0.113.10", text, StringComparison.Ordinal);
        }

        Assert.All(_sink.Alerts.Where(a => a.Subject.StartsWith("operator", StringComparison.Ordinal)), a => Assert.StartsWith("operator#", a.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheField()
    {
        var options = new SecurityAlertOptions();
        options.SendVolume.BaselineMultiple = 0.5;
        options.BusinessHours.TimeZoneId = "Not/AZone";

        var ex = Assert.Throws<OptionsValidationException>(() => new SecurityMonitor(options, [], _clock));

        Assert.Contains(ex.Failures, f => f.Contains("BaselineMultiple", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TimeZoneId", StringComparison.Ordinal));
    }

    private SecurityMonitor Create(Action<SecurityAlertOptions>? configure = null)
    {
        var options = new SecurityAlertOptions();
        configure?.Invoke(options);
        return new SecurityMonitor(options, [_sink], _clock);
    }

    private static void Send(SecurityMonitor monitor, int count, string? operatorId = null)
    {
        for (var i = 0; i < count; i++)
        {
            monitor.RecordSend(PhoneNumberId, operatorId);
        }
    }

    private static void Record(SecurityMonitor monitor, string signal)
    {
        switch (signal)
        {
            case "signature": monitor.RecordWebhookSignatureRejected(); break;
            case "graph190": monitor.RecordAuthenticationFailure(); break;
            case "denied": monitor.RecordAccessDenied("mallory"); break;
            case "consent": monitor.RecordConsentRefused(); break;
            default: throw new ArgumentOutOfRangeException(nameof(signal));
        }
    }

    private sealed class ThrowingSink : ISecurityAlertSink
    {
        public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("smtp-password rejected");
    }
}
