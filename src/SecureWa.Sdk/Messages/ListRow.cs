namespace SecureWa.Sdk.Messages;

/// <summary>A row (an option) of a <see cref="ListSection"/>.</summary>
public sealed class ListRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="id">Returned in the webhook when chosen; at most 200 characters, unique in the message.</param>
    /// <param name="title">The option's title, at most 24 characters.</param>
    public ListRow(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>The id returned in the webhook (<c>id</c>).</summary>
    public string Id { get; }

    /// <summary>The title (<c>title</c>).</summary>
    public string Title { get; }

    /// <summary>An optional description (<c>description</c>), at most 72 characters.</summary>
    public string? Description { get; init; }
}
