namespace SecureWa.Sdk.Messages;

/// <summary>A postal address on a <see cref="ContactCard"/> (<c>addresses[]</c>).</summary>
public sealed class ContactAddress
{
    /// <summary>Street and number (<c>street</c>).</summary>
    public string? Street { get; init; }

    /// <summary>City (<c>city</c>).</summary>
    public string? City { get; init; }

    /// <summary>State or province (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>Postal code (<c>zip</c>).</summary>
    public string? Zip { get; init; }

    /// <summary>Country name (<c>country</c>).</summary>
    public string? Country { get; init; }

    /// <summary>Two-letter ISO country code (<c>country_code</c>).</summary>
    public string? CountryCode { get; init; }

    /// <summary>A label such as <c>HOME</c> or <c>WORK</c> (<c>type</c>).</summary>
    public string? Type { get; init; }
}
