namespace SecureWa.Sdk.Messages;

/// <summary>One or more contact cards (<c>"type":"contacts"</c>).</summary>
public sealed class ContactsMessage : WhatsAppMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="contacts">The cards; at least one.</param>
    public ContactsMessage(string to, IEnumerable<ContactCard> contacts)
        : base(to)
    {
        Contacts = contacts?.ToArray() ?? [];
    }

    /// <summary>The cards.</summary>
    public IReadOnlyList<ContactCard> Contacts { get; }

    /// <inheritdoc />
    public override string MessageType => "contacts";
}
