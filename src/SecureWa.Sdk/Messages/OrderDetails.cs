namespace SecureWa.Sdk.Messages;

/// <summary>
/// The order of an <see cref="InteractiveOrderDetailsMessage"/> (<c>action.parameters.order</c>): items and the
/// amounts that add up to the total. The SDK checks, as Meta documents it, that the subtotal is the sum of the
/// items (sale price when set, times quantity) and that the total is subtotal + tax + shipping − discount.
/// </summary>
public sealed class OrderDetails
{
    /// <summary>Creates an order.</summary>
    /// <param name="items">The items (<c>items</c>), at least one.</param>
    /// <param name="subtotal">The sum of the items (<c>subtotal</c>).</param>
    /// <param name="tax">The tax (<c>tax</c>).</param>
    public OrderDetails(IEnumerable<OrderItem> items, OrderAmount subtotal, OrderCharge tax)
    {
        Items = items?.ToArray() ?? [];
        Subtotal = subtotal;
        Tax = tax;
    }

    /// <summary>The items (<c>items</c>).</summary>
    public IReadOnlyList<OrderItem> Items { get; }

    /// <summary>The subtotal (<c>subtotal</c>).</summary>
    public OrderAmount Subtotal { get; }

    /// <summary>The tax (<c>tax</c>).</summary>
    public OrderCharge Tax { get; }

    /// <summary>The shipping cost (<c>shipping</c>), if any.</summary>
    public OrderCharge? Shipping { get; init; }

    /// <summary>The discount (<c>discount</c>), if any; subtracted from the total.</summary>
    public OrderCharge? Discount { get; init; }

    /// <summary>The catalog the items come from (<c>catalog_id</c>), if any.</summary>
    public string? CatalogId { get; init; }

    /// <summary>When the order can no longer be paid (<c>expiration.timestamp</c>, unix seconds), if it expires.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The text explaining the expiration (<c>expiration.description</c>), at most 120 characters.</summary>
    public string? ExpirationDescription { get; init; }
}
