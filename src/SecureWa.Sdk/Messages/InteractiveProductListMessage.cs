namespace SecureWa.Sdk.Messages;

/// <summary>
/// A multi-product message (<c>interactive.type</c> = <c>product_list</c>): up to 30 products of a catalog in 1 to
/// 10 sections. The header is required and must be text (at most 60 characters); the body is required.
/// </summary>
/// <example>
/// <code>
/// new InteractiveProductListMessage("+16505551234", "Our bakery", "Fresh today", "146265584024623",
///     [new ProductSection("Breads", ["SKU-1", "SKU-2"]), new ProductSection("Cakes", ["SKU-3"])])
/// </code>
/// </example>
public sealed class InteractiveProductListMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="headerText">The header text (<c>interactive.header.text</c>), 1 to 60 characters.</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="catalogId">The id of the Meta catalog linked to the WhatsApp Business Account.</param>
    /// <param name="sections">One to ten sections with at most 30 products in total.</param>
    public InteractiveProductListMessage(string to, string headerText, string body, string catalogId, IEnumerable<ProductSection> sections)
        : base(to, body)
    {
        Header = InteractiveHeader.FromText(headerText);
        CatalogId = catalogId;
        Sections = sections?.ToArray() ?? [];
    }

    /// <summary>The catalog id (<c>action.catalog_id</c>).</summary>
    public string CatalogId { get; }

    /// <summary>The sections (<c>action.sections</c>).</summary>
    public IReadOnlyList<ProductSection> Sections { get; }

    /// <inheritdoc />
    public override string InteractiveType => "product_list";
}
