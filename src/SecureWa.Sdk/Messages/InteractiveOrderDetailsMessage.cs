namespace SecureWa.Sdk.Messages;

/// <summary>
/// An order details message (<c>interactive.type</c> = <c>order_details</c>, <c>action.name</c> =
/// <c>review_and_pay</c>): a bill the user reviews and pays in WhatsApp (Payments API, India, Brazil and
/// Singapore). The order is sent with status <c>pending</c>; later updates go in an
/// <see cref="InteractiveOrderStatusMessage"/> with the same <see cref="ReferenceId"/>. Body required; header
/// (image) and footer optional.
/// </summary>
/// <example>
/// <code>
/// new InteractiveOrderDetailsMessage("+919000000000", "Your order is ready to pay", "order-1234", "INR",
///     new OrderAmount(1100), new OrderDetails([new OrderItem("SKU-1", "Bread", new OrderAmount(1000), 1)],
///         new OrderAmount(1000), new OrderCharge(new OrderAmount(100))))
/// {
///     PaymentSettings = [OrderPaymentSetting.PaymentGateway("razorpay", "my-config")],
/// }
/// </code>
/// </example>
public sealed class InteractiveOrderDetailsMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="referenceId">Your unique id for the order (<c>reference_id</c>), 1 to 35 letters, digits, '_', '-' or '.'.</param>
    /// <param name="currency">The currency (<c>currency</c>): <c>INR</c> (India), <c>BRL</c> (Brazil) or <c>SGD</c> (Singapore), the Payments API's markets.</param>
    /// <param name="totalAmount">The total to pay (<c>total_amount</c>): subtotal + tax + shipping − discount.</param>
    /// <param name="order">The order (<c>order</c>).</param>
    public InteractiveOrderDetailsMessage(string to, string body, string referenceId, string currency, OrderAmount totalAmount, OrderDetails order)
        : base(to, body)
    {
        ReferenceId = referenceId;
        Currency = currency;
        TotalAmount = totalAmount;
        Order = order;
    }

    /// <summary>The order's reference id (<c>reference_id</c>).</summary>
    public string ReferenceId { get; }

    /// <summary>The currency (<c>currency</c>).</summary>
    public string Currency { get; }

    /// <summary>The total (<c>total_amount</c>).</summary>
    public OrderAmount TotalAmount { get; }

    /// <summary>The order (<c>order</c>).</summary>
    public OrderDetails Order { get; }

    /// <summary>The kind of goods (<c>type</c>); digital goods by default.</summary>
    public OrderGoodsType GoodsType { get; init; }

    /// <summary>How the user can pay (<c>payment_settings</c>); at least one unless <see cref="PaymentConfiguration"/> is set.</summary>
    public IReadOnlyList<OrderPaymentSetting>? PaymentSettings { get; init; }

    /// <summary>
    /// The older form of the payment setting (<c>payment_configuration</c>, India), a configuration name from
    /// WhatsApp Manager, as in Meta's published example; sent with <see cref="PaymentType"/>.
    /// </summary>
    public string? PaymentConfiguration { get; init; }

    /// <summary>The payment type sent with <see cref="PaymentConfiguration"/> (<c>payment_type</c>), such as <c>upi</c>.</summary>
    public string? PaymentType { get; init; }

    /// <inheritdoc />
    public override string InteractiveType => "order_details";
}
