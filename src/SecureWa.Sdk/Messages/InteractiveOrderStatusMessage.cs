namespace SecureWa.Sdk.Messages;

/// <summary>
/// An order status update (<c>interactive.type</c> = <c>order_status</c>, <c>action.name</c> = <c>review_order</c>)
/// for an order sent earlier in an <see cref="InteractiveOrderDetailsMessage"/>. No header; body required, footer optional.
/// </summary>
/// <example>
/// <code>
/// new InteractiveOrderStatusMessage("+919000000000", "Your order is on its way", "order-1234", OrderStatus.Shipped)
/// </code>
/// </example>
public sealed class InteractiveOrderStatusMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="referenceId">The <c>reference_id</c> of the order details message, 1 to 35 characters.</param>
    /// <param name="status">The new status (<c>order.status</c>).</param>
    public InteractiveOrderStatusMessage(string to, string body, string referenceId, OrderStatus status)
        : base(to, body)
    {
        ReferenceId = referenceId;
        Status = status;
    }

    /// <summary>The order's reference id (<c>reference_id</c>).</summary>
    public string ReferenceId { get; }

    /// <summary>The new status (<c>order.status</c>).</summary>
    public OrderStatus Status { get; }

    /// <summary>A text shown with the status (<c>order.description</c>), at most 120 characters.</summary>
    public string? Description { get; init; }

    /// <inheritdoc />
    public override string InteractiveType => "order_status";
}
