namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// Sees every webhook notification after its signature was verified and the replay guard passed it, before the
/// application's handler runs (the consent opt-out keywords and the service window use it). An observer that throws
/// fails the delivery (HTTP 500, Meta retries), so nothing it must record is lost.
/// </summary>
public interface IWebhookNotificationObserver
{
    /// <summary>Called for each verified, non-replayed notification.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnVerifiedNotificationAsync(WebhookNotification notification, CancellationToken cancellationToken = default);
}
