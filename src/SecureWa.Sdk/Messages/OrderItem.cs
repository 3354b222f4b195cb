namespace SecureWa.Sdk.Messages;

/// <summary>An item of an <see cref="OrderDetails"/> (<c>order.items[]</c>).</summary>
public sealed class OrderItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="retailerId">The product's retailer id (<c>retailer_id</c>), as in your catalog.</param>
    /// <param name="name">The item name shown to the user (<c>name</c>).</param>
    /// <param name="amount">The price of one unit (<c>amount</c>).</param>
    /// <param name="quantity">The quantity (<c>quantity</c>), at least 1.</param>
    public OrderItem(string retailerId, string name, OrderAmount amount, int quantity)
    {
        RetailerId = retailerId;
        Name = name;
        Amount = amount;
        Quantity = quantity;
    }

    /// <summary>The retailer id (<c>retailer_id</c>).</summary>
    public string RetailerId { get; }

    /// <summary>The name (<c>name</c>).</summary>
    public string Name { get; }

    /// <summary>The unit price (<c>amount</c>).</summary>
    public OrderAmount Amount { get; }

    /// <summary>The quantity (<c>quantity</c>).</summary>
    public int Quantity { get; }

    /// <summary>A discounted unit price (<c>sale_amount</c>), below <see cref="Amount"/>; the subtotal uses it when set.</summary>
    public OrderAmount? SaleAmount { get; init; }

    /// <summary>The country of origin (<c>country_of_origin</c>), required by Meta for physical goods in India.</summary>
    public string? CountryOfOrigin { get; init; }

    /// <summary>The importer's name (<c>importer_name</c>), required by Meta for imported physical goods in India.</summary>
    public string? ImporterName { get; init; }
}
