namespace SecureWa.Sdk.Messages;

/// <summary>The tax, shipping or discount of an <see cref="OrderDetails"/>: an amount and an optional description.</summary>
public sealed class OrderCharge
{
    /// <summary>Creates a charge.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="description">An optional description (<c>description</c>).</param>
    public OrderCharge(OrderAmount amount, string? description = null)
    {
        Amount = amount;
        Description = description;
    }

    /// <summary>The amount (<c>value</c>, <c>offset</c>).</summary>
    public OrderAmount Amount { get; }

    /// <summary>The description (<c>description</c>).</summary>
    public string? Description { get; }

    /// <summary>The name of the discount program (<c>discount_program_name</c>), for a discount only.</summary>
    public string? DiscountProgramName { get; init; }
}
