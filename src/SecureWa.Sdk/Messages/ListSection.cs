namespace SecureWa.Sdk.Messages;

/// <summary>A section of an <see cref="InteractiveListMessage"/>.</summary>
public sealed class ListSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="title">The section title, at most 24 characters; required when the list has more than one section.</param>
    /// <param name="rows">The rows; at least one.</param>
    public ListSection(string? title, IEnumerable<ListRow> rows)
    {
        Title = title;
        Rows = rows?.ToArray() ?? [];
    }

    /// <summary>The title (<c>title</c>).</summary>
    public string? Title { get; }

    /// <summary>The rows (<c>rows</c>).</summary>
    public IReadOnlyList<ListRow> Rows { get; }
}
