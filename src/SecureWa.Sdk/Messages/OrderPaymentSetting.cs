namespace SecureWa.Sdk.Messages;

/// <summary>
/// One way to pay an <see cref="InteractiveOrderDetailsMessage"/> (<c>action.parameters.payment_settings[]</c>):
/// a payment gateway configured in WhatsApp Manager (India), a payment link, a Pix dynamic code or a boleto
/// (Brazil). Create one with the factory methods.
/// </summary>
public sealed class OrderPaymentSetting
{
    private OrderPaymentSetting(string type)
    {
        Type = type;
    }

    /// <summary>The setting type (<c>type</c>): <c>payment_gateway</c>, <c>payment_link</c>, <c>pix_dynamic_code</c> or <c>boleto</c>.</summary>
    public string Type { get; }

    /// <summary>The gateway (<c>payment_gateway.type</c>), such as <c>razorpay</c>, <c>payu</c>, <c>billdesk</c> or <c>zaakpay</c>.</summary>
    public string? GatewayType { get; private init; }

    /// <summary>The payment configuration name (<c>payment_gateway.configuration_name</c>) set up in WhatsApp Manager.</summary>
    public string? ConfigurationName { get; private init; }

    /// <summary>The payment link (<c>payment_link.uri</c>).</summary>
    public Uri? LinkUri { get; private init; }

    /// <summary>The Pix "copia e cola" code (<c>pix_dynamic_code.code</c>).</summary>
    public string? PixCode { get; private init; }

    /// <summary>The Pix account holder's name (<c>pix_dynamic_code.merchant_name</c>).</summary>
    public string? PixMerchantName { get; private init; }

    /// <summary>The Pix key (<c>pix_dynamic_code.key</c>).</summary>
    public string? PixKey { get; private init; }

    /// <summary>The Pix key type (<c>pix_dynamic_code.key_type</c>): <c>CPF</c>, <c>CNPJ</c>, <c>EMAIL</c>, <c>PHONE</c> or <c>EVP</c>.</summary>
    public string? PixKeyType { get; private init; }

    /// <summary>The boleto's digitable line (<c>boleto.digitable_line</c>).</summary>
    public string? BoletoDigitableLine { get; private init; }

    /// <summary>A payment gateway linked to the WhatsApp Business Account (India).</summary>
    /// <param name="gatewayType">The gateway: <c>razorpay</c>, <c>payu</c>, <c>billdesk</c> or <c>zaakpay</c>.</param>
    /// <param name="configurationName">The payment configuration name from WhatsApp Manager.</param>
    /// <returns>The setting.</returns>
    public static OrderPaymentSetting PaymentGateway(string gatewayType, string configurationName)
        => new("payment_gateway") { GatewayType = gatewayType, ConfigurationName = configurationName };

    /// <summary>A payment link (an absolute https URL) the user opens to pay.</summary>
    /// <param name="uri">The link.</param>
    /// <returns>The setting.</returns>
    public static OrderPaymentSetting PaymentLink(Uri uri) => new("payment_link") { LinkUri = uri };

    /// <summary>A Pix dynamic code (Brazil).</summary>
    /// <param name="code">The Pix code ("copia e cola").</param>
    /// <param name="merchantName">The account holder's name.</param>
    /// <param name="key">The Pix key.</param>
    /// <param name="keyType">The key type: <c>CPF</c>, <c>CNPJ</c>, <c>EMAIL</c>, <c>PHONE</c> or <c>EVP</c>.</param>
    /// <returns>The setting.</returns>
    public static OrderPaymentSetting PixDynamicCode(string code, string merchantName, string key, string keyType)
        => new("pix_dynamic_code") { PixCode = code, PixMerchantName = merchantName, PixKey = key, PixKeyType = keyType };

    /// <summary>A boleto (Brazil).</summary>
    /// <param name="digitableLine">The boleto's digitable line.</param>
    /// <returns>The setting.</returns>
    public static OrderPaymentSetting Boleto(string digitableLine) => new("boleto") { BoletoDigitableLine = digitableLine };

    /// <summary>Names the setting type only; never keys or codes.</summary>
    /// <returns>For example <c>OrderPaymentSetting(pix_dynamic_code)</c>.</returns>
    public override string ToString() => $"OrderPaymentSetting({Type})";
}
