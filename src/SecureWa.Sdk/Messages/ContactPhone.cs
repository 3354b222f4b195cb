namespace SecureWa.Sdk.Messages;

/// <summary>A phone number on a <see cref="ContactCard"/> (<c>phones[]</c>).</summary>
public sealed class ContactPhone
{
    /// <summary>Creates a phone entry.</summary>
    /// <param name="phone">The number as displayed.</param>
    public ContactPhone(string phone)
    {
        Phone = phone;
    }

    /// <summary>The number as displayed (<c>phone</c>).</summary>
    public string Phone { get; }

    /// <summary>A label such as <c>CELL</c>, <c>HOME</c> or <c>WORK</c> (<c>type</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The contact's WhatsApp id, which adds a "Message" button (<c>wa_id</c>).</summary>
    public string? WaId { get; init; }
}
