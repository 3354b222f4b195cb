namespace SecureWa.Sdk.Webhooks;

/// <summary>The status of a sent message, from <see cref="WebhookStatus.Status"/>.</summary>
public enum WebhookStatusKind
{
    /// <summary>A status this SDK does not know; read <see cref="WebhookStatus.Status"/>.</summary>
    Unknown = 0,

    /// <summary>The message left Meta's servers.</summary>
    Sent,

    /// <summary>The message reached the user's device.</summary>
    Delivered,

    /// <summary>The user read the message.</summary>
    Read,

    /// <summary>The message could not be delivered; see <see cref="WebhookStatus.Errors"/>.</summary>
    Failed,
}
