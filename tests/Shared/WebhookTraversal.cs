using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.TestSupport;

/// <summary>Touches every member an application typically reads from a parsed notification (lists, kinds, ToString).</summary>
internal static class WebhookTraversal
{
    public static int Visit(WebhookNotification notification)
    {
        var n = notification.ToString().Length;
        foreach (var entry in notification.Entries)
        {
            n += entry.ToString().Length;
            foreach (var change in entry.Changes)
            {
                n += change.ToString().Length;
                if (change.Value is not { } value)
                {
                    continue;
                }

                n += value.ToString().Length + (value.Metadata?.ToString()?.Length ?? 0);
                n += value.Contacts.Sum(static c => c.ToString()!.Length + (c.Profile?.ToString()?.Length ?? 0));
                n += value.Errors.Sum(static e => e.ToString()!.Length);
                foreach (var message in value.Messages)
                {
                    n += message.ToString().Length + (int)message.Kind;
                    n += message.Errors.Sum(static e => e.ToString()!.Length);
                    n += message.Contacts.Sum(static c => c.ToString().Length + c.Phones.Sum(static p => p.ToString()!.Length));
                    n += message.Order?.ProductItems.Sum(static i => i.ToString()!.Length) ?? 0;
                    n += (message.Text?.ToString()?.Length ?? 0) + (message.Image?.ToString()?.Length ?? 0)
                        + (message.Interactive?.ToString()?.Length ?? 0) + (message.Location?.ToString()?.Length ?? 0)
                        + (message.Context?.ToString()?.Length ?? 0) + (message.Referral?.ToString()?.Length ?? 0)
                        + (message.Reaction?.ToString()?.Length ?? 0) + (message.System?.ToString()?.Length ?? 0)
                        + (message.Button?.ToString()?.Length ?? 0);
                    if (message.Type is { } type)
                    {
                        n += message.TryGetAdditionalProperty(type, out _) ? 1 : 0;
                    }

                    n += WebhookReplayGuard.GetKey(message)?.Length ?? 0;
                }

                foreach (var status in value.Statuses)
                {
                    n += status.ToString().Length + (int)status.Kind;
                    n += status.Errors.Sum(static e => e.ToString()!.Length + (e.ErrorData?.ToString()?.Length ?? 0));
                    n += (status.Conversation?.ToString()?.Length ?? 0) + (status.Pricing?.ToString()?.Length ?? 0);
                    n += WebhookReplayGuard.GetKey(status)?.Length ?? 0;
                }
            }
        }

        n += notification.AllMessages.Count() + notification.AllStatuses.Count();
        return n;
    }
}
