using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>
/// The checks of the envelope (groups, <c>biz_opaque_callback_data</c>, the escape hatch), commerce and order
/// messages, and the newer template parts. Same rules as the rest: field path and limit, never the value.
/// </summary>
internal static partial class MessageValidator
{
    private const int AdditionalPropertiesMaxDepth = 32;

    // The names the SDK writes, read from the source-generated metadata so they cannot drift from the DTOs.
    private static readonly FrozenSet<string> RequestNames = NamesOf(MessagesJsonContext.Default.MessageRequest);
    private static readonly FrozenSet<string> TextNames = NamesOf(MessagesJsonContext.Default.TextDto);
    private static readonly FrozenSet<string> TemplateNames = NamesOf(MessagesJsonContext.Default.TemplateDto);
    private static readonly FrozenSet<string> MediaNames = NamesOf(MessagesJsonContext.Default.MediaObjectDto);
    private static readonly FrozenSet<string> LocationNames = NamesOf(MessagesJsonContext.Default.LocationDto);
    private static readonly FrozenSet<string> InteractiveNames = NamesOf(MessagesJsonContext.Default.InteractiveDto);
    private static readonly FrozenSet<string> ReactionNames = NamesOf(MessagesJsonContext.Default.ReactionDto);

    /// <summary>A group id: the opaque id the Groups API returns (base64-like), never a phone number.</summary>
    /// <exception cref="WhatsAppValidationException">The id is missing, too long or not plausible, or the kind cannot go to a group.</exception>
    private static void ValidateGroupRecipient(WhatsAppMessage message)
    {
        if (!Enum.IsDefined(message.RecipientType))
        {
            throw new WhatsAppValidationException("recipient_type", "'recipient_type' must be individual or group.");
        }

        var to = message.To;
        if (string.IsNullOrWhiteSpace(to))
        {
            throw new WhatsAppValidationException("to", "'to' is required: the group id.");
        }

        if (to.Length > MessageLimits.GroupId)
        {
            throw new WhatsAppValidationException("to", $"'to' must be a group id of at most {MessageLimits.GroupId} characters.", MessageLimits.GroupId);
        }

        var letter = false;
        foreach (var c in to)
        {
            if (char.IsAsciiLetter(c))
            {
                letter = true;
            }
            else if (!char.IsAsciiDigit(c) && c is not ('_' or '-' or '=' or '.' or '+' or '/'))
            {
                throw new WhatsAppValidationException("to", "'to' must be a group id as returned by the Groups API (letters, digits, '_', '-', '=', '.', '+', '/').");
            }
        }

        if (!letter)
        {
            throw new WhatsAppValidationException("to", "'to' looks like a phone number, not a group id; use recipient_type individual for a user.");
        }

        var supported = message switch
        {
            TextMessage or MediaMessage => true,
            TemplateMessage template => !IsAuthentication(template),
            _ => false,
        };
        if (!supported)
        {
            throw new WhatsAppValidationException("type", $"A group accepts text, media and template messages (not authentication templates); a {message.MessageType} message cannot be sent to a group.");
        }

        static bool IsAuthentication(TemplateMessage template)
        {
            foreach (var component in template.Components ?? [])
            {
                if (component?.IsOneTimePassword == true)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static void ValidateEnvelope(WhatsAppMessage message)
    {
        if (message.BizOpaqueCallbackData is { } callbackData)
        {
            Required(callbackData, "biz_opaque_callback_data");
            MaxLength(callbackData, MessageLimits.BizOpaqueCallbackData, "biz_opaque_callback_data");
        }

        if (message.AdditionalPropertiesJson is { } top)
        {
            ValidateAdditional(top, RequestNames, "additional_properties", message.MessageType);
        }

        if (message.AdditionalTypePropertiesJson is { } typeProperties)
        {
            var reserved = message switch
            {
                TextMessage => TextNames,
                TemplateMessage => TemplateNames,
                MediaMessage => MediaNames,
                LocationMessage => LocationNames,
                InteractiveMessage => InteractiveNames,
                ReactionMessage => ReactionNames,
                _ => throw new WhatsAppValidationException("additional_type_properties", $"A {message.MessageType} message takes no additional type properties (its object is not a JSON object)."),
            };
            ValidateAdditional(typeProperties, reserved, "additional_type_properties", message.MessageType);
        }
    }

    private static void ValidateAdditional(byte[] json, FrozenSet<string> reserved, string path, string type)
    {
        if (json.Length > MessageLimits.AdditionalPropertiesBytes)
        {
            throw new WhatsAppValidationException(path, $"'{path}' must be at most {MessageLimits.AdditionalPropertiesBytes} bytes of JSON.", MessageLimits.AdditionalPropertiesBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = AdditionalPropertiesMaxDepth });
        }
        catch (JsonException)
        {
            // The SDK wrote this JSON itself when the property was set, so only the depth can be wrong.
            throw new WhatsAppValidationException(path, $"'{path}' nests deeper than {AdditionalPropertiesMaxDepth} levels.", AdditionalPropertiesMaxDepth);
        }

        using (document)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name;
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new WhatsAppValidationException(path, $"'{path}' has a property with an empty name.");
                }

                // A property name is a field name the caller chose, not message content, so it may be named.
                if (reserved.Contains(name))
                {
                    throw new WhatsAppValidationException($"{path}.{name}", $"'{path}' cannot set '{name}': the SDK writes it (in a {type} message); use the typed property.");
                }
            }
        }
    }

    private static FrozenSet<string> NamesOf(JsonTypeInfo info)
    {
        var names = new List<string>(info.Properties.Count);
        foreach (var property in info.Properties)
        {
            if (!property.IsExtensionData)
            {
                names.Add(property.Name);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    private static void ValidateNamedParameters(TemplateComponent component, string path)
    {
        int named = 0, positional = 0;
        for (var p = 0; p < component.Parameters.Count; p++)
        {
            var parameter = component.Parameters[p];
            if (parameter?.ParameterName is not { } name)
            {
                positional++;
                continue;
            }

            named++;
            if (name.Length == 0)
            {
                throw Missing($"{path}.parameters[{p}].parameter_name");
            }

            foreach (var c in name)
            {
                if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
                {
                    throw new WhatsAppValidationException($"{path}.parameters[{p}].parameter_name", $"'{path}.parameters[{p}].parameter_name' may contain only lowercase letters, digits and underscores.");
                }
            }

            for (var q = 0; q < p; q++)
            {
                if (string.Equals(component.Parameters[q]?.ParameterName, name, StringComparison.Ordinal))
                {
                    throw new WhatsAppValidationException($"{path}.parameters[{p}].parameter_name", $"'{path}.parameters[{p}].parameter_name' repeats the name of parameter {q}.");
                }
            }
        }

        if (named > 0 && positional > 0)
        {
            throw new WhatsAppValidationException(path + ".parameters", $"'{path}.parameters' mixes named and positional parameters; a template uses one or the other.");
        }
    }

    private static void ValidateDateTime(TemplateDateTime value, string path)
    {
        Range(value.DayOfWeek, 1, 7, path + ".day_of_week");
        Range(value.Year, 1, 9999, path + ".year");
        Range(value.Month, 1, 12, path + ".month");
        Range(value.DayOfMonth, 1, 31, path + ".day_of_month");
        Range(value.Hour, 0, 23, path + ".hour");
        Range(value.Minute, 0, 59, path + ".minute");
        if (value.Calendar is { } calendar && !Enum.IsDefined(calendar))
        {
            throw new WhatsAppValidationException(path + ".calendar", $"'{path}.calendar' must be GREGORIAN or SOLAR_HIJRI.");
        }

        static void Range(int? value, int min, int max, string path)
        {
            if (value is { } v && (v < min || v > max))
            {
                throw new WhatsAppValidationException(path, $"'{path}' must be {min} to {max}.", max);
            }
        }
    }

    private static void ValidateProductList(InteractiveProductListMessage message)
    {
        const string Sections = "interactive.action.sections";
        Required(message.CatalogId, "interactive.action.catalog_id");
        var sections = message.Sections;
        if (sections.Count == 0)
        {
            throw new WhatsAppValidationException(Sections, $"'{Sections}' must have at least 1 section.", 1);
        }

        if (sections.Count > MessageLimits.ProductSectionsMax)
        {
            throw new WhatsAppValidationException(Sections, $"'{Sections}' must have at most {MessageLimits.ProductSectionsMax} sections.", MessageLimits.ProductSectionsMax);
        }

        var total = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i] ?? throw Missing($"{Sections}[{i}]");
            if (string.IsNullOrEmpty(section.Title))
            {
                if (sections.Count > 1)
                {
                    throw new WhatsAppValidationException($"{Sections}[{i}].title", $"'{Sections}[{i}].title' is required when the message has more than one section.");
                }
            }
            else if (TooLong(section.Title, MessageLimits.ListSectionTitle))
            {
                throw TooLongError($"{Sections}[{i}].title", MessageLimits.ListSectionTitle);
            }

            if (section.ProductRetailerIds.Count == 0)
            {
                throw new WhatsAppValidationException($"{Sections}[{i}].product_items", $"'{Sections}[{i}].product_items' must have at least 1 product.", 1);
            }

            total += section.ProductRetailerIds.Count;
            if (total > MessageLimits.ProductItemsMax)
            {
                throw new WhatsAppValidationException(Sections, $"A product_list message has at most {MessageLimits.ProductItemsMax} products across all sections.", MessageLimits.ProductItemsMax);
            }

            for (var j = 0; j < section.ProductRetailerIds.Count; j++)
            {
                Required(section.ProductRetailerIds[j], $"{Sections}[{i}].product_items[{j}].product_retailer_id");
            }
        }
    }

    private static void ValidateAddress(InteractiveAddressMessage message)
    {
        const string Parameters = "interactive.action.parameters";
        if (message.Country is not { Length: 2 } country || !char.IsAsciiLetterUpper(country[0]) || !char.IsAsciiLetterUpper(country[1]))
        {
            throw new WhatsAppValidationException(Parameters + ".country", "'country' must be an ISO 3166-1 alpha-2 code in capitals, such as 'IN'.", 2);
        }

        if (message.Values is { } values)
        {
            ValidateAddressFields(values, Parameters + ".values");
        }

        if (message.SavedAddresses is { } saved)
        {
            for (var i = 0; i < saved.Count; i++)
            {
                var address = saved[i] ?? throw Missing($"{Parameters}.saved_addresses[{i}]");
                Required(address.Id, $"{Parameters}.saved_addresses[{i}].id");
                ValidateAddressFields(address.Value ?? throw Missing($"{Parameters}.saved_addresses[{i}].value"), $"{Parameters}.saved_addresses[{i}].value");
            }
        }

        if (message.ValidationErrors is { } errors)
        {
            foreach (var (field, text) in errors)
            {
                Required(field, $"{Parameters}.validation_errors");
                Required(text, $"{Parameters}.validation_errors.{field}");
            }
        }

        static void ValidateAddressFields(AddressFields fields, string path)
        {
            MaxLength(fields.InPinCode, MessageLimits.PinCode, path + ".in_pin_code");
            MaxLength(fields.SgPostCode, MessageLimits.PinCode, path + ".sg_post_code");
        }
    }

    private static void ValidateReferenceId(string? referenceId)
    {
        const string Path = "interactive.action.parameters.reference_id";
        Length(referenceId, 1, MessageLimits.OrderReferenceId, Path);
        foreach (var c in referenceId!)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                throw new WhatsAppValidationException(Path, $"'{Path}' may contain only letters, digits, '_', '-' and '.'.");
            }
        }
    }

    private static void ValidateOrderDetails(InteractiveOrderDetailsMessage message)
    {
        const string Parameters = "interactive.action.parameters";
        ValidateReferenceId(message.ReferenceId);
        if (!Enum.IsDefined(message.GoodsType))
        {
            throw new WhatsAppValidationException(Parameters + ".type", "'type' must be digital-goods or physical-goods.");
        }

        // The Payments API exists in India (INR), Brazil (BRL) and Singapore (SGD); Meta documents no other currency.
        if (message.Currency is not ("INR" or "BRL" or "SGD"))
        {
            throw new WhatsAppValidationException(Parameters + ".currency", "'currency' must be INR, BRL or SGD, the currencies of the Payments API.");
        }

        var hasSettings = message.PaymentSettings is { Count: > 0 };
        if (!hasSettings && string.IsNullOrEmpty(message.PaymentConfiguration))
        {
            throw new WhatsAppValidationException(Parameters + ".payment_settings", "'payment_settings' needs at least one setting (or set 'payment_configuration').", 1);
        }

        if (message.PaymentConfiguration is not null)
        {
            Required(message.PaymentConfiguration, Parameters + ".payment_configuration");
        }

        for (var i = 0; hasSettings && i < message.PaymentSettings!.Count; i++)
        {
            ValidatePaymentSetting(message.PaymentSettings[i], $"{Parameters}.payment_settings[{i}]");
        }

        var total = Amount(message.TotalAmount, Parameters + ".total_amount");
        var order = message.Order ?? throw Missing(Parameters + ".order");
        const string Order = Parameters + ".order";
        if (order.Items.Count == 0)
        {
            throw new WhatsAppValidationException(Order + ".items", $"'{Order}.items' must have at least 1 item.", 1);
        }

        var itemsSum = 0m;
        for (var i = 0; i < order.Items.Count; i++)
        {
            var item = order.Items[i] ?? throw Missing($"{Order}.items[{i}]");
            var path = $"{Order}.items[{i}]";
            Required(item.RetailerId, path + ".retailer_id");
            Required(item.Name, path + ".name");
            if (item.Quantity < 1)
            {
                throw new WhatsAppValidationException(path + ".quantity", $"'{path}.quantity' must be at least 1.", 1);
            }

            var price = Amount(item.Amount, path + ".amount");
            if (item.SaleAmount is { } sale)
            {
                var salePrice = Amount(sale, path + ".sale_amount");
                if (salePrice > price)
                {
                    throw new WhatsAppValidationException(path + ".sale_amount", $"'{path}.sale_amount' must not exceed '{path}.amount'.");
                }

                price = salePrice;
            }

            itemsSum += price * item.Quantity;
        }

        var subtotal = Amount(order.Subtotal, Order + ".subtotal");
        if (subtotal != itemsSum)
        {
            throw new WhatsAppValidationException(Order + ".subtotal", $"'{Order}.subtotal' must equal the sum of the items (sale_amount, or amount, times quantity).");
        }

        var tax = Amount(order.Tax?.Amount, Order + ".tax");
        var shipping = order.Shipping is { } s ? Amount(s.Amount, Order + ".shipping") : 0m;
        var discount = order.Discount is { } d ? Amount(d.Amount, Order + ".discount") : 0m;
        if (total != subtotal + tax + shipping - discount)
        {
            throw new WhatsAppValidationException(Parameters + ".total_amount", "'total_amount' must equal subtotal + tax + shipping - discount.");
        }

        if (order.CatalogId is not null)
        {
            Required(order.CatalogId, Order + ".catalog_id");
        }

        MaxLength(order.ExpirationDescription, MessageLimits.OrderExpirationDescription, Order + ".expiration.description");
        if (order.ExpirationDescription is not null && order.ExpiresAt is null)
        {
            throw Missing(Order + ".expiration.timestamp");
        }

        static decimal Amount(OrderAmount? amount, string path)
        {
            if (amount is null)
            {
                throw Missing(path);
            }

            if (amount.Offset <= 0)
            {
                throw new WhatsAppValidationException(path + ".offset", $"'{path}.offset' must be positive (100 for INR, BRL and SGD).", 1);
            }

            if (amount.Value < 0)
            {
                throw new WhatsAppValidationException(path + ".value", $"'{path}.value' must not be negative.", 0);
            }

            return amount.ToDecimal();
        }
    }

    private static void ValidatePaymentSetting(OrderPaymentSetting? setting, string path)
    {
        switch (setting?.Type)
        {
            case null:
                throw Missing(path);
            case "payment_gateway":
                Required(setting.GatewayType, path + ".payment_gateway.type");
                Required(setting.ConfigurationName, path + ".payment_gateway.configuration_name");
                break;
            case "payment_link":
                ValidateHttpsLink(setting.LinkUri, path + ".payment_link.uri");
                break;
            case "pix_dynamic_code":
                Required(setting.PixCode, path + ".pix_dynamic_code.code");
                Required(setting.PixMerchantName, path + ".pix_dynamic_code.merchant_name");
                Required(setting.PixKey, path + ".pix_dynamic_code.key");
                if (setting.PixKeyType is not ("CPF" or "CNPJ" or "EMAIL" or "PHONE" or "EVP"))
                {
                    throw new WhatsAppValidationException(path + ".pix_dynamic_code.key_type", "'pix_dynamic_code.key_type' must be CPF, CNPJ, EMAIL, PHONE or EVP.");
                }

                break;
            case "boleto":
                Required(setting.BoletoDigitableLine, path + ".boleto.digitable_line");
                break;
        }
    }
}
