namespace SecureWa.Sdk.Messages;

/// <summary>An email address on a <see cref="ContactCard"/> (<c>emails[]</c>).</summary>
public sealed class ContactEmail
{
    /// <summary>Creates an email entry.</summary>
    /// <param name="email">The address.</param>
    public ContactEmail(string email)
    {
        Email = email;
    }

    /// <summary>The address (<c>email</c>).</summary>
    public string Email { get; }

    /// <summary>A label such as <c>HOME</c> or <c>WORK</c> (<c>type</c>).</summary>
    public string? Type { get; init; }
}
