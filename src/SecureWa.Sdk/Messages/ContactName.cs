namespace SecureWa.Sdk.Messages;

/// <summary>The <c>name</c> of a <see cref="ContactCard"/>.</summary>
public sealed class ContactName
{
    /// <summary>Creates a name.</summary>
    /// <param name="formattedName">The full name as displayed (<c>formatted_name</c>); required.</param>
    public ContactName(string formattedName)
    {
        FormattedName = formattedName;
    }

    /// <summary>The full name as displayed (<c>formatted_name</c>).</summary>
    public string FormattedName { get; }

    /// <summary>The first name (<c>first_name</c>).</summary>
    public string? FirstName { get; init; }

    /// <summary>The last name (<c>last_name</c>).</summary>
    public string? LastName { get; init; }

    /// <summary>The middle name (<c>middle_name</c>).</summary>
    public string? MiddleName { get; init; }

    /// <summary>A name suffix (<c>suffix</c>).</summary>
    public string? Suffix { get; init; }

    /// <summary>A name prefix (<c>prefix</c>).</summary>
    public string? Prefix { get; init; }
}
