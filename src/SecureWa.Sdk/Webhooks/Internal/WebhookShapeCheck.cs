namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>
/// Refuses notifications the serializer accepts but the model cannot represent: a <c>null</c> element in one of the
/// lists (<c>"entry":[null]</c>, <c>"messages":[null]</c>…). Such a body is malformed even when signed; letting it through
/// would hand applications (and the replay guard) null items in lists documented as holding none.
/// </summary>
internal static class WebhookShapeCheck
{
    public static void Check(WebhookNotification notification)
    {
        var entries = notification.Entries;
        for (var e = 0; e < entries.Count; e++)
        {
            var entry = entries[e] ?? throw NullElement($"$.entry[{e}]");
            var changes = entry.Changes;
            for (var c = 0; c < changes.Count; c++)
            {
                var change = changes[c] ?? throw NullElement($"$.entry[{e}].changes[{c}]");
                if (change.Value is { } value)
                {
                    CheckValue(value, $"$.entry[{e}].changes[{c}].value");
                }
            }
        }
    }

    private static void CheckValue(WebhookChangeValue value, string path)
    {
        NoNulls(value.Contacts, path, "contacts");
        NoNulls(value.Errors, path, "errors");
        var messages = value.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw NullElement($"{path}.messages[{i}]");
            var messagePath = $"{path}.messages[{i}]";
            NoNulls(message.Errors, messagePath, "errors");
            var contacts = message.Contacts;
            for (var k = 0; k < contacts.Count; k++)
            {
                var contact = contacts[k] ?? throw NullElement($"{messagePath}.contacts[{k}]");
                NoNulls(contact.Phones, $"{messagePath}.contacts[{k}]", "phones");
            }

            if (message.Order is { } order)
            {
                NoNulls(order.ProductItems, messagePath + ".order", "product_items");
            }
        }

        var statuses = value.Statuses;
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i] ?? throw NullElement($"{path}.statuses[{i}]");
            NoNulls(status.Errors, $"{path}.statuses[{i}]", "errors");
        }
    }

    private static void NoNulls<T>(IReadOnlyList<T> list, string path, string member)
        where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw NullElement($"{path}.{member}[{i}]");
            }
        }
    }

    private static WebhookParseException NullElement(string path) =>
        new(WebhookParseError.MalformedJson, $"The webhook body is not a valid notification (path {path} is null; list elements must be objects).");
}
