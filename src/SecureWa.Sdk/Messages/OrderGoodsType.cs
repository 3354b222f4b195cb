namespace SecureWa.Sdk.Messages;

/// <summary>The <c>type</c> of goods an <see cref="InteractiveOrderDetailsMessage"/> sells.</summary>
public enum OrderGoodsType
{
    /// <summary><c>digital-goods</c>: services or digital products, nothing is shipped.</summary>
    DigitalGoods = 0,

    /// <summary><c>physical-goods</c>: products that are shipped.</summary>
    PhysicalGoods,
}
