namespace SecureWa.Sdk.Messages;

/// <summary>
/// An interactive catalog message (<c>interactive.type</c> = <c>catalog_message</c>): a button that opens the
/// business's catalog in WhatsApp. No header; body required, footer optional.
/// </summary>
/// <example>
/// <code>
/// new InteractiveCatalogMessage("+16505551234", "Ordering is easy: visit our catalog.")
/// {
///     ThumbnailProductRetailerId = "2lc20305pt",
/// }
/// </code>
/// </example>
public sealed class InteractiveCatalogMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    public InteractiveCatalogMessage(string to, string body)
        : base(to, body)
    {
    }

    /// <summary>
    /// The retailer id (SKU) of the product shown as the thumbnail
    /// (<c>action.parameters.thumbnail_product_retailer_id</c>); when <see langword="null"/>, WhatsApp shows the
    /// first product of the catalog.
    /// </summary>
    public string? ThumbnailProductRetailerId { get; init; }

    /// <inheritdoc />
    public override string InteractiveType => "catalog_message";
}
