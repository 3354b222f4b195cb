namespace SecureWa.Sdk.Paging.Internal;

/// <summary>Reads the cursor of the next page from a Graph <c>paging</c> object.</summary>
internal static class PagingCursor
{
    /// <summary>
    /// The cursor of the next page, or <see langword="null"/> on the last page. Graph marks the last page by leaving out
    /// <c>paging.next</c>; the cursor is <c>paging.cursors.after</c>, or, when only <c>next</c> is given, its
    /// <c>after</c> query parameter (only that value is taken: the URL itself is never requested).
    /// </summary>
    public static string? NextCursor(GraphPaging? paging, int itemCount)
    {
        if (paging is null || string.IsNullOrEmpty(paging.Next) || itemCount == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(paging.Cursors?.After))
        {
            return paging.Cursors.After;
        }

        return AfterFromUrl(paging.Next);
    }

    /// <summary>The value of the <c>after</c> query parameter of a URL, or <see langword="null"/>.</summary>
    public static string? AfterFromUrl(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = url.IndexOf('#', start);
        var query = end < 0 ? url[(start + 1)..] : url[(start + 1)..end];
        foreach (var pair in query.Split('&'))
        {
            if (pair.StartsWith("after=", StringComparison.Ordinal))
            {
                var value = Uri.UnescapeDataString(pair["after=".Length..]);
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
