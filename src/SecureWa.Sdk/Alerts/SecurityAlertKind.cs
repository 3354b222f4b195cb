namespace SecureWa.Sdk.Alerts;

/// <summary>What a <see cref="SecurityAlert"/> is about.</summary>
public enum SecurityAlertKind
{
    /// <summary>Sends in the current hour for a phone number id or an operator are above a multiple of its moving hourly baseline.</summary>
    SendVolumeAboveBaseline,

    /// <summary>Sends in the current hour for a phone number id or an operator are above the configured absolute cap.</summary>
    SendVolumeAboveCap,

    /// <summary>An operator was active outside the configured business hours.</summary>
    ActivityOutsideBusinessHours,

    /// <summary>A burst of webhook deliveries with a rejected signature (someone may be forging webhooks).</summary>
    WebhookSignatureRejectionBurst,

    /// <summary>A burst of Graph error 190 (the token may have been revoked or stolen).</summary>
    AuthenticationFailureBurst,

    /// <summary>A burst of operations refused by access control.</summary>
    AccessDeniedBurst,

    /// <summary>A burst of sends refused for missing consent.</summary>
    ConsentRefusalBurst,

    /// <summary>One operator has sessions in use at the same time from different client addresses.</summary>
    ConcurrentSessionsFromDifferentAddresses,

    /// <summary>A session is older than the expected maximum.</summary>
    SessionTooOld,

    /// <summary>A token health check finding (see <see cref="SecurityAlert.TokenFinding"/>).</summary>
    TokenHealth,
}
