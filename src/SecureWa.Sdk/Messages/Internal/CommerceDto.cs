using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of the address fields of an address message (<c>values</c>, <c>saved_addresses[].value</c>).</summary>
internal sealed class AddressValuesDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    [JsonPropertyName("in_pin_code")]
    public string? InPinCode { get; set; }

    [JsonPropertyName("sg_post_code")]
    public string? SgPostCode { get; set; }

    [JsonPropertyName("house_number")]
    public string? HouseNumber { get; set; }

    [JsonPropertyName("floor_number")]
    public string? FloorNumber { get; set; }

    [JsonPropertyName("tower_number")]
    public string? TowerNumber { get; set; }

    [JsonPropertyName("building_name")]
    public string? BuildingName { get; set; }

    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("landmark_area")]
    public string? LandmarkArea { get; set; }

    [JsonPropertyName("unit_number")]
    public string? UnitNumber { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("state")]
    public string? State { get; set; }
}

/// <summary>Wire shape of a saved address.</summary>
internal sealed class SavedAddressDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("value")]
    public AddressValuesDto? Value { get; set; }
}

/// <summary>Wire shape of an amount (<c>{value, offset}</c>), with the optional description of tax, shipping and discount.</summary>
internal sealed class AmountDto
{
    [JsonPropertyName("value")]
    public long Value { get; set; }

    [JsonPropertyName("offset")]
    public int Offset { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("discount_program_name")]
    public string? DiscountProgramName { get; set; }
}

/// <summary>Wire shape of <c>order</c> in order_details and order_status.</summary>
internal sealed class OrderDto
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("catalog_id")]
    public string? CatalogId { get; set; }

    [JsonPropertyName("expiration")]
    public OrderExpirationDto? Expiration { get; set; }

    [JsonPropertyName("items")]
    public List<OrderItemDto>? Items { get; set; }

    [JsonPropertyName("subtotal")]
    public AmountDto? Subtotal { get; set; }

    [JsonPropertyName("tax")]
    public AmountDto? Tax { get; set; }

    [JsonPropertyName("shipping")]
    public AmountDto? Shipping { get; set; }

    [JsonPropertyName("discount")]
    public AmountDto? Discount { get; set; }
}

/// <summary>Wire shape of <c>order.expiration</c>.</summary>
internal sealed class OrderExpirationDto
{
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>Wire shape of an order item.</summary>
internal sealed class OrderItemDto
{
    [JsonPropertyName("retailer_id")]
    public string? RetailerId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("amount")]
    public AmountDto? Amount { get; set; }

    [JsonPropertyName("quantity")]
    public int Quantity { get; set; }

    [JsonPropertyName("sale_amount")]
    public AmountDto? SaleAmount { get; set; }

    [JsonPropertyName("country_of_origin")]
    public string? CountryOfOrigin { get; set; }

    [JsonPropertyName("importer_name")]
    public string? ImporterName { get; set; }
}

/// <summary>Wire shape of a payment setting; the object named by <see cref="Type"/> is set.</summary>
internal sealed class PaymentSettingDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("payment_gateway")]
    public PaymentGatewayDto? PaymentGateway { get; set; }

    [JsonPropertyName("payment_link")]
    public PaymentLinkDto? PaymentLink { get; set; }

    [JsonPropertyName("pix_dynamic_code")]
    public PixDynamicCodeDto? PixDynamicCode { get; set; }

    [JsonPropertyName("boleto")]
    public BoletoDto? Boleto { get; set; }
}

/// <summary>Wire shape of <c>payment_gateway</c>.</summary>
internal sealed class PaymentGatewayDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("configuration_name")]
    public string? ConfigurationName { get; set; }
}

/// <summary>Wire shape of <c>payment_link</c>.</summary>
internal sealed class PaymentLinkDto
{
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }
}

/// <summary>Wire shape of <c>pix_dynamic_code</c>.</summary>
internal sealed class PixDynamicCodeDto
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("merchant_name")]
    public string? MerchantName { get; set; }

    [JsonPropertyName("key")]
    public string? Key { get; set; }

    [JsonPropertyName("key_type")]
    public string? KeyType { get; set; }
}

/// <summary>Wire shape of <c>boleto</c>.</summary>
internal sealed class BoletoDto
{
    [JsonPropertyName("digitable_line")]
    public string? DigitableLine { get; set; }
}
