using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// Records webhook receipts in the audit trail once their signature verified: one record per inbound message and per
/// status transition (message id, status, the sender or recipient pseudonymized by the trail). Runs in the endpoint
/// before the application's handler; a failure to record answers 500, so Meta redelivers and nothing is lost.
/// </summary>
internal sealed class AuditWebhookObserver(IAuditTrail trail) : IWebhookNotificationObserver
{
    public async ValueTask OnVerifiedNotificationAsync(WebhookNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var message in notification.AllMessages)
        {
            await trail.RecordAsync(
                new AuditEvent
                {
                    RecordClass = AuditRecordClass.Webhook,
                    Operation = "webhooks.message",
                    SubjectPhoneNumber = AsE164(message.From),
                    MessageId = message.Id,
                    Outcome = "signature_valid",
                    Detail = message.Type,
                },
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var status in notification.AllStatuses)
        {
            await trail.RecordAsync(
                new AuditEvent
                {
                    RecordClass = AuditRecordClass.Webhook,
                    Operation = "webhooks.status",
                    SubjectPhoneNumber = status.RecipientType == "group" ? null : AsE164(status.RecipientId),
                    MessageId = status.Id,
                    Outcome = "signature_valid",
                    Detail = status.Status,
                    GraphErrorCode = status.Errors is { Count: > 0 } errors ? errors[0].Code : null,
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? AsE164(string? waId) =>
        string.IsNullOrEmpty(waId) ? null : waId[0] == '+' ? waId : "+" + waId;
}
