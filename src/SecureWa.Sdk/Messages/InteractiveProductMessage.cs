namespace SecureWa.Sdk.Messages;

/// <summary>
/// A single product message (<c>interactive.type</c> = <c>product</c>): one product of a catalog. No header; body
/// optional, footer optional.
/// </summary>
/// <example>
/// <code>
/// new InteractiveProductMessage("+16505551234", "367025965434465", "SKU-123", "Back in stock!")
/// </code>
/// </example>
public sealed class InteractiveProductMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="catalogId">The id of the Meta catalog linked to the WhatsApp Business Account.</param>
    /// <param name="productRetailerId">The retailer id (SKU) of the product in that catalog.</param>
    /// <param name="body">An optional body text, at most 1024 characters.</param>
    public InteractiveProductMessage(string to, string catalogId, string productRetailerId, string? body = null)
        : base(to, body ?? string.Empty)
    {
        CatalogId = catalogId;
        ProductRetailerId = productRetailerId;
    }

    /// <summary>The catalog id (<c>action.catalog_id</c>).</summary>
    public string CatalogId { get; }

    /// <summary>The product's retailer id (<c>action.product_retailer_id</c>).</summary>
    public string ProductRetailerId { get; }

    /// <inheritdoc />
    public override string InteractiveType => "product";
}
