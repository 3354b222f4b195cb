namespace SecureWa.Sdk.Messages;

/// <summary>A contact card in a <see cref="ContactsMessage"/>.</summary>
public sealed class ContactCard
{
    /// <summary>Creates a card.</summary>
    /// <param name="name">The contact's name; <see cref="ContactName.FormattedName"/> is required.</param>
    public ContactCard(ContactName name)
    {
        Name = name;
    }

    /// <summary>The contact's name (<c>name</c>).</summary>
    public ContactName Name { get; }

    /// <summary>Phone numbers (<c>phones</c>).</summary>
    public IReadOnlyList<ContactPhone> Phones { get; init; } = [];

    /// <summary>Email addresses (<c>emails</c>).</summary>
    public IReadOnlyList<ContactEmail> Emails { get; init; } = [];

    /// <summary>Postal addresses (<c>addresses</c>).</summary>
    public IReadOnlyList<ContactAddress> Addresses { get; init; } = [];

    /// <summary>Web sites (<c>urls</c>).</summary>
    public IReadOnlyList<ContactUrl> Urls { get; init; } = [];

    /// <summary>The organization (<c>org</c>).</summary>
    public ContactOrganization? Organization { get; init; }

    /// <summary>The birthday, sent as <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? Birthday { get; init; }
}
