namespace SecureWa.Sdk.Messages;

/// <summary>The status an <see cref="InteractiveOrderStatusMessage"/> sets on an order (<c>order.status</c>).</summary>
public enum OrderStatus
{
    /// <summary><c>pending</c>: the user has not paid yet.</summary>
    Pending = 0,

    /// <summary><c>processing</c>: the payment is authorized and the order is being fulfilled.</summary>
    Processing,

    /// <summary><c>partially-shipped</c>: part of the order has been shipped.</summary>
    PartiallyShipped,

    /// <summary><c>shipped</c>: all of the order has been shipped.</summary>
    Shipped,

    /// <summary><c>completed</c>: nothing more is expected from the user or the business.</summary>
    Completed,

    /// <summary><c>canceled</c>: the order is canceled (refused by WhatsApp when a payment is pending or done).</summary>
    Canceled,
}
