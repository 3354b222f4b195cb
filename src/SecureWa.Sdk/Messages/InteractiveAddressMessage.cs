namespace SecureWa.Sdk.Messages;

/// <summary>
/// An address message (<c>interactive.type</c> = <c>address_message</c>, <c>action.name</c> = <c>address_message</c>):
/// a button opening a form in which the user enters a shipping address. Available to businesses and users in India
/// (and Singapore, where Meta still documents it). Header and footer optional; body required.
/// </summary>
/// <example>
/// <code>
/// new InteractiveAddressMessage("+919000000000", "Where should we deliver your order?", "IN")
/// {
///     Values = new AddressFields { Name = "Ana", City = "Bengaluru" },
/// }
/// </code>
/// </example>
public sealed class InteractiveAddressMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country code of the form (<c>action.parameters.country</c>), such as <c>IN</c>.</param>
    public InteractiveAddressMessage(string to, string body, string country)
        : base(to, body)
    {
        Country = country;
    }

    /// <summary>The country of the form (<c>action.parameters.country</c>).</summary>
    public string Country { get; }

    /// <summary>Values to prefill the form with (<c>action.parameters.values</c>).</summary>
    public AddressFields? Values { get; init; }

    /// <summary>Addresses the user saved before, offered as choices (<c>action.parameters.saved_addresses</c>).</summary>
    public IReadOnlyList<SavedAddress>? SavedAddresses { get; init; }

    /// <summary>
    /// Errors to show next to fields when you ask again after rejecting an address
    /// (<c>action.parameters.validation_errors</c>): field name (such as <c>in_pin_code</c>) to message.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ValidationErrors { get; init; }

    /// <inheritdoc />
    public override string InteractiveType => "address_message";
}
