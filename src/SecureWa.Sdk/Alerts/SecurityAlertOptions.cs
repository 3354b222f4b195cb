namespace SecureWa.Sdk.Alerts;

/// <summary>Thresholds and windows of the in-process security detectors. Validated on start with DI.</summary>
public sealed class SecurityAlertOptions
{
    /// <summary>One alert per condition (kind and subject) per this window. Default 1 hour.</summary>
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The cool-down of token health findings (a check runs every 6 hours by default). Default 24 hours.</summary>
    public TimeSpan TokenFindingCoolDown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most subjects (phone number ids, operators) a detector tracks; beyond it new subjects are not tracked. Default 10000.</summary>
    public int MaxTrackedSubjects { get; set; } = 10_000;

    /// <summary>The send-volume detector.</summary>
    public SendVolumeAlertOptions SendVolume { get; set; } = new();

    /// <summary>Business hours for operator activity (off until a time zone is set).</summary>
    public BusinessHoursOptions BusinessHours { get; set; } = new();

    /// <summary>Rejected webhook signatures. Default 10 in 5 minutes.</summary>
    public BurstAlertRule WebhookSignatureRejections { get; set; } = new(10, TimeSpan.FromMinutes(5));

    /// <summary>Graph error 190 (token rejected). Default 3 in 5 minutes.</summary>
    public BurstAlertRule AuthenticationFailures { get; set; } = new(3, TimeSpan.FromMinutes(5));

    /// <summary>Access-denied decisions, per operator (or all unknown operators together). Default 10 in 5 minutes.</summary>
    public BurstAlertRule AccessDenied { get; set; } = new(10, TimeSpan.FromMinutes(5));

    /// <summary>Consent refusals. Default 20 in 10 minutes.</summary>
    public BurstAlertRule ConsentRefusals { get; set; } = new(20, TimeSpan.FromMinutes(10));

    /// <summary>The operator-session detectors.</summary>
    public SessionAlertOptions Sessions { get; set; } = new();

    internal List<string> Validate()
    {
        var failures = new List<string>();
        if (CoolDown <= TimeSpan.Zero || TokenFindingCoolDown <= TimeSpan.Zero)
        {
            failures.Add("SecurityAlerts.CoolDown and TokenFindingCoolDown must be positive.");
        }

        if (MaxTrackedSubjects < 1)
        {
            failures.Add("SecurityAlerts.MaxTrackedSubjects must be at least 1.");
        }

        if (SendVolume is null || BusinessHours is null || WebhookSignatureRejections is null || AuthenticationFailures is null || AccessDenied is null || ConsentRefusals is null || Sessions is null)
        {
            failures.Add("SecurityAlerts: no detector's options may be null.");
            return failures;
        }

        SendVolume.Validate(failures);
        BusinessHours.Validate(failures);
        WebhookSignatureRejections.Validate(nameof(WebhookSignatureRejections), failures);
        AuthenticationFailures.Validate(nameof(AuthenticationFailures), failures);
        AccessDenied.Validate(nameof(AccessDenied), failures);
        ConsentRefusals.Validate(nameof(ConsentRefusals), failures);
        Sessions.Validate(failures);
        return failures;
    }
}
