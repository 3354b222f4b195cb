namespace SecureWa.Sdk.Paging;

/// <summary>One page of a Graph list: its items and the cursor of the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class WhatsAppPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items of this page.</param>
    /// <param name="continuationToken">The <c>paging.cursors.after</c> cursor of the next page, or <see langword="null"/> on the last page.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public WhatsAppPage(IReadOnlyList<T> items, string? continuationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        ContinuationToken = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// The cursor of the next page (Graph <c>paging.cursors.after</c>), or <see langword="null"/> when this is the last page.
    /// Pass it as <see cref="WhatsAppListOptions.After"/> to resume a listing later.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>A description: the item count and whether more pages follow.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WhatsAppPage<{typeof(T).Name}> ({Items.Count} items{(ContinuationToken is null ? ", last" : string.Empty)})";
}
