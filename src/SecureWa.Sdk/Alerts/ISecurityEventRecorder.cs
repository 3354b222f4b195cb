using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.Alerts;

/// <summary>
/// The signals SDK components (and the application) report into; detectors turn them into <see cref="SecurityAlert"/>s.
/// Every method is cheap, thread-safe and never throws for a well-formed call; none keeps a phone number or a token.
/// Ids passed here are opaque ids (a phone number id, an operator id); an operator id that looks like a phone number
/// or an e-mail address is replaced by a hash in alerts.
/// </summary>
/// <remarks>
/// Wired today: sends (<see cref="Messages.MessagesClient"/>), Graph 190 (the client's invoker), rejected webhook
/// signatures (the ASP.NET Core endpoint) and token health checks. Access control, consent and operator sessions call
/// <see cref="RecordAccessDenied"/>, <see cref="RecordConsentRefused"/>, <see cref="RecordSessionUse"/> and
/// <see cref="RecordOperatorActivity"/> when they are in place.
/// </remarks>
public interface ISecurityEventRecorder
{
    /// <summary>A message was accepted by the Cloud API.</summary>
    /// <param name="phoneNumberId">The business phone number id it was sent from (an id, not a phone number).</param>
    /// <param name="operatorId">The operator who sent it, when operators are known.</param>
    void RecordSend(string phoneNumberId, string? operatorId = null);

    /// <summary>A webhook delivery was refused because its signature did not verify (or was missing or malformed).</summary>
    void RecordWebhookSignatureRejected();

    /// <summary>The Graph API rejected the access token (error 190).</summary>
    void RecordAuthenticationFailure();

    /// <summary>Access control refused an operation.</summary>
    /// <param name="operatorId">The operator refused, when known.</param>
    void RecordAccessDenied(string? operatorId = null);

    /// <summary>A send was refused for missing consent (opt-out, no opt-in for the purpose).</summary>
    void RecordConsentRefused();

    /// <summary>An operator session was used.</summary>
    /// <param name="operatorId">The operator.</param>
    /// <param name="sessionId">The session id; kept only as a hash, never in an alert.</param>
    /// <param name="clientIp">The client address, when known; kept in memory only, never in an alert.</param>
    /// <param name="issuedAt">When the session was issued.</param>
    void RecordSessionUse(string operatorId, string sessionId, string? clientIp, DateTimeOffset issuedAt);

    /// <summary>An operator did something (for the business-hours detector) other than a send or a session use.</summary>
    /// <param name="operatorId">The operator.</param>
    void RecordOperatorActivity(string operatorId);

    /// <summary>A token health check completed; each finding becomes an alert (once per cool-down).</summary>
    /// <param name="report">The report.</param>
    void RecordTokenHealth(TokenHealthReport report);
}
