namespace SecureWa.Sdk.Messages;

/// <summary>A web site on a <see cref="ContactCard"/> (<c>urls[]</c>).</summary>
public sealed class ContactUrl
{
    /// <summary>Creates a URL entry.</summary>
    /// <param name="url">The address as displayed.</param>
    public ContactUrl(string url)
    {
        Url = url;
    }

    /// <summary>The address (<c>url</c>).</summary>
    public string Url { get; }

    /// <summary>A label such as <c>HOME</c> or <c>WORK</c> (<c>type</c>).</summary>
    public string? Type { get; init; }
}
