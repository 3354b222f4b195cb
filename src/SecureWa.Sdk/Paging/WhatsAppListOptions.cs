namespace SecureWa.Sdk.Paging;

/// <summary>Paging settings of a list call: page size and the cursor to start after.</summary>
public class WhatsAppListOptions
{
    /// <summary>
    /// How many items to ask for per page (Graph <c>limit</c>); the API's default when <see langword="null"/>. Each list
    /// documents its maximum; a larger value is refused before any request.
    /// </summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Start after this cursor (a <see cref="WhatsAppPage{T}.ContinuationToken"/> of an earlier listing); from the
    /// beginning when <see langword="null"/>.
    /// </summary>
    public string? After { get; set; }
}
