namespace SecureWa.Sdk.Messages;

/// <summary>An address the user saved earlier, offered as a choice in an <see cref="InteractiveAddressMessage"/> (<c>saved_addresses[]</c>).</summary>
public sealed class SavedAddress
{
    /// <summary>Creates a saved address.</summary>
    /// <param name="id">Your id for it (<c>id</c>), returned when the user picks it.</param>
    /// <param name="value">The address (<c>value</c>).</param>
    public SavedAddress(string id, AddressFields value)
    {
        Id = id;
        Value = value;
    }

    /// <summary>The id (<c>id</c>).</summary>
    public string Id { get; }

    /// <summary>The address (<c>value</c>).</summary>
    public AddressFields Value { get; }
}
