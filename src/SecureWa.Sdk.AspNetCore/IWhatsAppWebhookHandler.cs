using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>
/// Handles verified, parsed webhook notifications. Register an implementation in DI and map the endpoint with
/// <c>app.MapWhatsAppWebhook(pattern)</c>; it is resolved from the request's services, so it may be scoped.
/// </summary>
public interface IWhatsAppWebhookHandler
{
    /// <summary>Handles a notification whose signature was verified and which is not a replay.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Signals that the request was aborted.</param>
    /// <returns>A task that completes when the notification is handled; the endpoint answers 200 afterwards.</returns>
    Task HandleAsync(WebhookNotification notification, CancellationToken cancellationToken = default);
}
