namespace SecureWa.Sdk.Messages;

/// <summary>A section of an <see cref="InteractiveProductListMessage"/>: a title and the products it lists.</summary>
public sealed class ProductSection
{
    /// <summary>Creates a section.</summary>
    /// <param name="title">The section title, at most 24 characters; required when the message has more than one section.</param>
    /// <param name="productRetailerIds">The retailer ids (SKUs) of the products; at least one, at most 30 across all sections.</param>
    public ProductSection(string? title, IEnumerable<string> productRetailerIds)
    {
        Title = title;
        ProductRetailerIds = productRetailerIds?.ToArray() ?? [];
    }

    /// <summary>The title (<c>title</c>).</summary>
    public string? Title { get; }

    /// <summary>The products (<c>product_items[].product_retailer_id</c>).</summary>
    public IReadOnlyList<string> ProductRetailerIds { get; }
}
