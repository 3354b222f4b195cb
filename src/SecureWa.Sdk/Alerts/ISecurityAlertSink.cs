namespace SecureWa.Sdk.Alerts;

/// <summary>
/// Receives security alerts. Register as many as needed (e-mail, SMS, a pager); the SDK's default,
/// <see cref="LoggingSecurityAlertSink"/>, writes a warning log. Alerts are already de-duplicated (one per condition
/// per cool-down window). <see cref="SendAsync"/> is called on the thread that detected the condition (a send, a
/// webhook request): return quickly, queue slow work. An exception is logged (its type only) and does not reach
/// the detecting operation or the other sinks.
/// </summary>
public interface ISecurityAlertSink
{
    /// <summary>Delivers one alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the alert is delivered (or queued).</returns>
    ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default);
}
