using System.Globalization;
using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.Alerts;

/// <summary>
/// A typed security alert. The subject is an opaque id (<c>phone_number_id:…</c>, <c>operator:…</c>,
/// <c>session#…</c>, <c>token#…</c>, <c>webhooks</c>, <c>access_token</c>): never a phone number, a token or a session secret.
/// </summary>
public sealed class SecurityAlert
{
    /// <summary>Creates an alert.</summary>
    /// <param name="kind">What the alert is about.</param>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="occurredAt">When the condition was detected.</param>
    /// <param name="subject">An opaque id of what the alert concerns.</param>
    /// <param name="observedValue">The observed value, in <paramref name="unit"/>.</param>
    /// <param name="threshold">The threshold it crossed, in <paramref name="unit"/>.</param>
    /// <param name="unit">The unit of the values, such as <c>messages/hour</c>.</param>
    /// <param name="description">A human-readable description (no secret, no phone number).</param>
    /// <param name="tokenFinding">For <see cref="SecurityAlertKind.TokenHealth"/>, the finding.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/>, <paramref name="unit"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    public SecurityAlert(SecurityAlertKind kind, SecurityAlertSeverity severity, DateTimeOffset occurredAt, string subject, double observedValue, double threshold, string unit, string description, TokenHealthFindingKind? tokenFinding = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(description);
        Kind = kind;
        Severity = severity;
        OccurredAt = occurredAt;
        Subject = subject;
        ObservedValue = observedValue;
        Threshold = threshold;
        Unit = unit;
        Description = description;
        TokenFinding = tokenFinding;
    }

    /// <summary>What the alert is about.</summary>
    public SecurityAlertKind Kind { get; }

    /// <summary>How urgent it is.</summary>
    public SecurityAlertSeverity Severity { get; }

    /// <summary>When the condition was detected (the detector's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>An opaque id of what the alert concerns; never a phone number or a token.</summary>
    public string Subject { get; }

    /// <summary>The observed value (sends this hour, failures in the window, distinct addresses…), in <see cref="Unit"/>.</summary>
    public double ObservedValue { get; }

    /// <summary>The threshold the observed value crossed, in <see cref="Unit"/>.</summary>
    public double Threshold { get; }

    /// <summary>The unit of <see cref="ObservedValue"/> and <see cref="Threshold"/>.</summary>
    public string Unit { get; }

    /// <summary>A human-readable description (no secret, no phone number).</summary>
    public string Description { get; }

    /// <summary>For <see cref="SecurityAlertKind.TokenHealth"/>, the kind of finding; otherwise <see langword="null"/>.</summary>
    public TokenHealthFindingKind? TokenFinding { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Severity} {Kind}{(TokenFinding is { } f ? "/" + f : string.Empty)} for {Subject} at {OccurredAt:O}: observed {ObservedValue} {Unit}, threshold {Threshold}. {Description}");
}
