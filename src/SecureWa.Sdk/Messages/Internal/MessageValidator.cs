using System.Globalization;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>
/// Checks a message against the documented Cloud API rules before anything is sent. Each failure is a
/// <see cref="WhatsAppValidationException"/> naming the field as a JSON path and the limit; messages never
/// quote the value, which may be personal data. Paths are built only when a check fails.
/// </summary>
internal static partial class MessageValidator
{
    /// <exception cref="WhatsAppValidationException">The message breaks a rule.</exception>
    public static void Validate(WhatsAppMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.RecipientType == MessageRecipientType.Individual)
        {
            ValidateRecipient(message.To);
        }
        else
        {
            ValidateGroupRecipient(message);
        }

        if (message.ReplyToMessageId is not null)
        {
            Required(message.ReplyToMessageId, "context.message_id");
        }

        ValidateEnvelope(message);

        switch (message)
        {
            case TextMessage text:
                Length(text.Body, 1, MessageLimits.TextBody, "text.body");
                break;
            case TemplateMessage template:
                ValidateTemplate(template);
                break;
            case ImageMessage image:
                ValidateMedia(image.Media, "image");
                MaxLength(image.Caption, MessageLimits.Caption, "image.caption");
                break;
            case VideoMessage video:
                ValidateMedia(video.Media, "video");
                MaxLength(video.Caption, MessageLimits.Caption, "video.caption");
                break;
            case DocumentMessage document:
                ValidateMedia(document.Media, "document");
                MaxLength(document.Caption, MessageLimits.Caption, "document.caption");
                break;
            case MediaMessage media:
                ValidateMedia(media.Media, media.MessageType);
                break;
            case LocationMessage location:
                ValidateLocation(location);
                break;
            case ContactsMessage contacts:
                ValidateContacts(contacts);
                break;
            case InteractiveMessage interactive:
                ValidateInteractive(interactive);
                break;
            case ReactionMessage reaction:
                Required(reaction.MessageId, "reaction.message_id");
                break;
            default:
                throw new WhatsAppValidationException("type", $"Message kind {message.GetType().Name} is not supported.");
        }
    }

    /// <summary>
    /// A recipient is a phone number in international format or a WhatsApp id: an optional leading '+', then
    /// 7 to 15 digits (E.164) starting with the country code (never 0: no "00" international prefix, no trunk
    /// prefix), with spaces, '-', '.', '(' and ')' tolerated between them; they are stripped before sending.
    /// </summary>
    /// <exception cref="WhatsAppValidationException">The recipient is missing or not plausible.</exception>
    public static void ValidateRecipient(string? to)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            throw new WhatsAppValidationException("to", "'to' is required: the recipient's phone number or WhatsApp id.");
        }

        var digits = 0;
        for (var i = 0; i < to.Length; i++)
        {
            var c = to[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits == 0 && c == '0')
                {
                    throw new WhatsAppValidationException("to", "'to' must start with the country code (1-9) in international format, such as +16505551234: not 0, and not an international prefix such as 00.");
                }

                digits++;
            }
            else if (c == '+' ? i != 0 : c is not (' ' or '-' or '.' or '(' or ')'))
            {
                throw new WhatsAppValidationException("to", "'to' must be a phone number in international format (an optional '+' and digits) or a WhatsApp id.");
            }
        }

        if (digits < MessageLimits.RecipientDigitsMin)
        {
            throw new WhatsAppValidationException("to", $"'to' must have at least {MessageLimits.RecipientDigitsMin} digits.", MessageLimits.RecipientDigitsMin);
        }

        if (digits > MessageLimits.RecipientDigitsMax)
        {
            throw new WhatsAppValidationException("to", $"'to' must have at most {MessageLimits.RecipientDigitsMax} digits (E.164).", MessageLimits.RecipientDigitsMax);
        }
    }

    /// <summary>
    /// The form a recipient is sent in: its digits, without spacing or punctuation, after a <c>+</c> when it was written
    /// with one (a WhatsApp id from a webhook has none; Meta reads both alike). The rate-limiter key is the digits alone.
    /// </summary>
    public static string CanonicalRecipient(string to)
    {
        var digits = NormalizeRecipient(to);
        return to.AsSpan().TrimStart().StartsWith("+", StringComparison.Ordinal) ? "+" + digits : digits;
    }

    /// <summary>The recipient's digits only, the key for per-recipient rate limiting.</summary>
    public static string NormalizeRecipient(string to)
    {
        var digits = 0;
        foreach (var c in to)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        if (digits == to.Length)
        {
            return to;
        }

        return string.Create(digits, to, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    /// <summary>A message id used in a read receipt.</summary>
    /// <exception cref="WhatsAppValidationException">The id is missing.</exception>
    public static void ValidateMessageId(string? messageId) => Required(messageId, "message_id");

    private static void ValidateTemplate(TemplateMessage template)
    {
        if (string.IsNullOrEmpty(template.Name))
        {
            throw Missing("template.name");
        }

        MaxLength(template.Name, MessageLimits.TemplateName, "template.name");
        foreach (var c in template.Name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                throw new WhatsAppValidationException("template.name", "'template.name' may contain only lowercase letters, digits and underscores.");
            }
        }

        if (string.IsNullOrEmpty(template.LanguageCode))
        {
            throw Missing("template.language.code");
        }

        MaxLength(template.LanguageCode, MessageLimits.TemplateLanguageCode, "template.language.code");
        foreach (var c in template.LanguageCode)
        {
            if (!char.IsAsciiLetter(c) && c is not '_' and not '-')
            {
                throw new WhatsAppValidationException("template.language.code", "'template.language.code' must be a language code such as 'en' or 'en_US'.");
            }
        }

        ValidateComponents(template.Components ?? [], "template.components", inCard: false);
    }

    private static void ValidateComponents(IReadOnlyList<TemplateComponent> components, string prefix, bool inCard)
    {
        bool header = false, body = false, carousel = false, offer = false;
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i] ?? throw Missing($"{prefix}[{i}]");
            switch (component.Type)
            {
                case TemplateComponentType.Header:
                    if (header)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}]", "A template has at most one header component.", 1);
                    }

                    header = true;
                    if (inCard && (component.Parameters.Count != 1 || component.Parameters[0]?.Type is not (TemplateParameterType.Image or TemplateParameterType.Video or TemplateParameterType.Product)))
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}].parameters", $"'{prefix}[{i}].parameters' of a carousel card header must be one image, video or product parameter.", 1);
                    }

                    break;
                case TemplateComponentType.Body:
                    if (body)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}]", "A template has at most one body component.", 1);
                    }

                    body = true;
                    break;
                case TemplateComponentType.Button:
                    if (component.Index is not { } index || index < 0 || index > MessageLimits.TemplateButtonIndexMax)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}].index", $"'{prefix}[{i}].index' must be 0 to {MessageLimits.TemplateButtonIndexMax}.", MessageLimits.TemplateButtonIndexMax);
                    }

                    for (var j = 0; j < i; j++)
                    {
                        if (components[j]?.Type == TemplateComponentType.Button && components[j].Index == index)
                        {
                            throw new WhatsAppValidationException($"{prefix}[{i}].index", $"'{prefix}[{i}].index' repeats the index of {prefix}[{j}].");
                        }
                    }

                    break;
                case TemplateComponentType.Carousel:
                    if (inCard || carousel)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}]", "A template has at most one carousel component, and cards cannot nest carousels.", 1);
                    }

                    carousel = true;
                    ValidateCarousel(component, $"{prefix}[{i}]");
                    break;
                case TemplateComponentType.LimitedTimeOffer:
                    if (inCard || offer)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}]", "A template has at most one limited_time_offer component.", 1);
                    }

                    offer = true;
                    if (component.Parameters.Count != 1 || component.Parameters[0]?.Type != TemplateParameterType.LimitedTimeOffer)
                    {
                        throw new WhatsAppValidationException($"{prefix}[{i}].parameters", $"'{prefix}[{i}].parameters' must be one limited_time_offer parameter.", 1);
                    }

                    break;
            }

            ValidateNamedParameters(component, $"{prefix}[{i}]");
            for (var p = 0; p < component.Parameters.Count; p++)
            {
                ValidateTemplateParameter(component, component.Parameters[p], $"{prefix}[{i}].parameters[{p}]", inCard);
            }
        }

        if (inCard && !header)
        {
            throw new WhatsAppValidationException(prefix, $"'{prefix}' needs a header component with an image, video or product parameter (every carousel card has one).");
        }
    }

    private static void ValidateCarousel(TemplateComponent component, string path)
    {
        var cards = component.Cards;
        if (cards.Count == 0)
        {
            throw new WhatsAppValidationException(path + ".cards", $"'{path}.cards' must have at least 1 card.", 1);
        }

        if (cards.Count > MessageLimits.CarouselCardsMax)
        {
            throw new WhatsAppValidationException(path + ".cards", $"'{path}.cards' must have at most {MessageLimits.CarouselCardsMax} cards.", MessageLimits.CarouselCardsMax);
        }

        for (var c = 0; c < cards.Count; c++)
        {
            var card = cards[c] ?? throw Missing($"{path}.cards[{c}]");
            if (card.CardIndex < 0 || card.CardIndex > MessageLimits.CarouselCardIndexMax)
            {
                throw new WhatsAppValidationException($"{path}.cards[{c}].card_index", $"'{path}.cards[{c}].card_index' must be 0 to {MessageLimits.CarouselCardIndexMax}.", MessageLimits.CarouselCardIndexMax);
            }

            for (var d = 0; d < c; d++)
            {
                if (cards[d]?.CardIndex == card.CardIndex)
                {
                    throw new WhatsAppValidationException($"{path}.cards[{c}].card_index", $"'{path}.cards[{c}].card_index' repeats the index of card {d}; card indexes must be unique.");
                }
            }

            ValidateComponents(card.Components, $"{path}.cards[{c}].components", inCard: true);
        }
    }

    private static void ValidateTemplateParameter(TemplateComponent component, TemplateParameter? parameter, string path, bool inCard)
    {
        if (parameter is null)
        {
            throw Missing(path);
        }

        switch (parameter.Type)
        {
            case TemplateParameterType.Text:
                if (string.IsNullOrEmpty(parameter.TextValue))
                {
                    throw Missing($"{path}.text");
                }

                if (component.Type == TemplateComponentType.Header && TooLong(parameter.TextValue, MessageLimits.TemplateHeaderText))
                {
                    throw TooLongError($"{path}.text", MessageLimits.TemplateHeaderText);
                }

                if (component.IsOneTimePassword && TooLong(parameter.TextValue, MessageLimits.OneTimePassword))
                {
                    throw TooLongError($"{path}.text", MessageLimits.OneTimePassword);
                }

                break;
            case TemplateParameterType.Currency:
                Required(parameter.FallbackValue, $"{path}.currency.fallback_value");
                if (parameter.CurrencyCode is not { Length: 3 } code || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]) || !char.IsAsciiLetterUpper(code[2]))
                {
                    throw new WhatsAppValidationException($"{path}.currency.code", "The currency code must be three uppercase ISO 4217 letters, such as 'USD'.", 3);
                }

                break;
            case TemplateParameterType.DateTime:
                Required(parameter.FallbackValue, $"{path}.date_time.fallback_value");
                if (parameter.DateTimeValue is { } full)
                {
                    ValidateDateTime(full, $"{path}.date_time");
                }

                break;
            case TemplateParameterType.Location:
                if (component.Type != TemplateComponentType.Header)
                {
                    throw new WhatsAppValidationException($"{path}.location", "A location parameter is allowed only in a header component.");
                }

                ValidateCoordinates(parameter.Latitude, parameter.Longitude, $"{path}.location");
                break;
            case TemplateParameterType.Product:
                if (!inCard || component.Type != TemplateComponentType.Header)
                {
                    throw new WhatsAppValidationException($"{path}.product", "A product parameter is allowed only in the header of a carousel card.");
                }

                Required(parameter.CatalogId, $"{path}.product.catalog_id");
                Required(parameter.ProductRetailerId, $"{path}.product.product_retailer_id");
                break;
            case TemplateParameterType.LimitedTimeOffer:
                if (parameter.ExpiresAt is not { } expires || expires.ToUnixTimeMilliseconds() <= 0)
                {
                    throw new WhatsAppValidationException($"{path}.limited_time_offer.expiration_time_ms", "'limited_time_offer.expiration_time_ms' must be a time after 1970-01-01 (unix milliseconds).");
                }

                break;
            case TemplateParameterType.Image:
            case TemplateParameterType.Document:
            case TemplateParameterType.Video:
                ValidateMedia(parameter.Media, $"{path}.{WireNames.Parameter(parameter.Type)}");
                break;
            case TemplateParameterType.Payload:
                Required(parameter.Payload, $"{path}.payload");
                break;
            case TemplateParameterType.CouponCode:
                Required(parameter.CouponCode, $"{path}.coupon_code");
                MaxLength(parameter.CouponCode, MessageLimits.CouponCode, $"{path}.coupon_code");
                break;
            case TemplateParameterType.Action when component.SubType == TemplateButtonSubType.Catalog:
                Required(parameter.ThumbnailProductRetailerId, $"{path}.action.thumbnail_product_retailer_id");
                break;
            case TemplateParameterType.Action:
                if (parameter.FlowActionData is { Count: 0 })
                {
                    throw new WhatsAppValidationException($"{path}.action.flow_action_data", "'flow_action_data' must be a non-empty object when given.");
                }

                break;
        }
    }

    private static void ValidateMedia(MediaSource? media, string path)
    {
        if (media is null)
        {
            throw new WhatsAppValidationException(path, $"'{path}' needs an 'id' or a 'link'.");
        }

        if (media.Id is not null)
        {
            Required(media.Id, path + ".id");
            return;
        }

        ValidateHttpsLink(media.Link, path + ".link");
    }

    private static void ValidateHttpsLink(Uri? link, string path)
    {
        if (link is null)
        {
            throw Missing(path);
        }

        if (!link.IsAbsoluteUri || !string.Equals(link.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) || string.IsNullOrEmpty(link.Host))
        {
            throw new WhatsAppValidationException(path, $"'{path}' must be an absolute https URL.");
        }

        if (!string.IsNullOrEmpty(link.UserInfo))
        {
            throw new WhatsAppValidationException(path, $"'{path}' must not contain user info (credentials) before the host.");
        }
    }

    private static void ValidateLocation(LocationMessage location) => ValidateCoordinates(location.Latitude, location.Longitude, "location");

    private static void ValidateCoordinates(double latitude, double longitude, string path)
    {
        if (double.IsNaN(latitude) || latitude < -90 || latitude > 90)
        {
            throw new WhatsAppValidationException(path + ".latitude", $"'{path}.latitude' must be between -90 and 90.", 90);
        }

        if (double.IsNaN(longitude) || longitude < -180 || longitude > 180)
        {
            throw new WhatsAppValidationException(path + ".longitude", $"'{path}.longitude' must be between -180 and 180.", 180);
        }
    }

    private static void ValidateContacts(ContactsMessage message)
    {
        if (message.Contacts.Count == 0)
        {
            throw new WhatsAppValidationException("contacts", "'contacts' must have at least 1 contact.", 1);
        }

        for (var i = 0; i < message.Contacts.Count; i++)
        {
            var contact = message.Contacts[i] ?? throw Missing($"contacts[{i}]");
            Required(contact.Name?.FormattedName, $"contacts[{i}].name.formatted_name");
            CheckItems(contact.Phones, i, "phones", static x => x.Phone, "phone");
            CheckItems(contact.Emails, i, "emails", static x => x.Email, "email");
            CheckItems(contact.Urls, i, "urls", static x => x.Url, "url");
            if (contact.Addresses is not null)
            {
                for (var j = 0; j < contact.Addresses.Count; j++)
                {
                    _ = contact.Addresses[j] ?? throw Missing($"contacts[{i}].addresses[{j}]");
                }
            }
        }

        static void CheckItems<T>(IReadOnlyList<T>? items, int i, string list, Func<T, string?> value, string field)
            where T : class
        {
            if (items is null)
            {
                return;
            }

            for (var j = 0; j < items.Count; j++)
            {
                var item = items[j] ?? throw Missing($"contacts[{i}].{list}[{j}]");
                Required(value(item), $"contacts[{i}].{list}[{j}].{field}");
            }
        }
    }

    private static void ValidateInteractive(InteractiveMessage message)
    {
        if (message is InteractiveProductMessage)
        {
            MaxLength(message.Body, MessageLimits.InteractiveBody, "interactive.body.text");
        }
        else
        {
            Length(message.Body, 1, MessageLimits.InteractiveBody, "interactive.body.text");
        }

        MaxLength(message.Footer, MessageLimits.InteractiveFooter, "interactive.footer.text");
        if (message.Header is not null && message is InteractiveCatalogMessage or InteractiveProductMessage or InteractiveLocationRequestMessage or InteractiveCallPermissionRequestMessage or InteractiveOrderStatusMessage)
        {
            throw new WhatsAppValidationException("interactive.header", $"An interactive {message.InteractiveType} message has no header.");
        }

        if (message is InteractiveProductListMessage && message.Header?.Type != InteractiveHeaderType.Text)
        {
            throw new WhatsAppValidationException("interactive.header", "A product_list message requires a text header.");
        }

        if (message.Header is { } header)
        {
            if (header.Type == InteractiveHeaderType.Text)
            {
                Length(header.Text, 1, MessageLimits.InteractiveHeaderText, "interactive.header.text");
            }
            else if (message is InteractiveListMessage)
            {
                throw new WhatsAppValidationException("interactive.header.type", "A list message accepts only a text header.");
            }
            else
            {
                ValidateMedia(header.Media, "interactive.header." + WireNames.Header(header.Type));
            }
        }

        switch (message)
        {
            case InteractiveButtonsMessage buttons:
                ValidateButtons(buttons);
                break;
            case InteractiveListMessage list:
                ValidateList(list);
                break;
            case InteractiveCtaUrlMessage cta:
                Length(cta.DisplayText, 1, MessageLimits.CtaDisplayText, "interactive.action.parameters.display_text");
                ValidateHttpsLink(cta.Url, "interactive.action.parameters.url");
                break;
            case InteractiveFlowMessage flow:
                ValidateFlow(flow);
                break;
            case InteractiveCatalogMessage catalog:
                if (catalog.ThumbnailProductRetailerId is not null)
                {
                    Required(catalog.ThumbnailProductRetailerId, "interactive.action.parameters.thumbnail_product_retailer_id");
                }

                break;
            case InteractiveProductMessage product:
                Required(product.CatalogId, "interactive.action.catalog_id");
                Required(product.ProductRetailerId, "interactive.action.product_retailer_id");
                break;
            case InteractiveProductListMessage productList:
                ValidateProductList(productList);
                break;
            case InteractiveAddressMessage address:
                ValidateAddress(address);
                break;
            case InteractiveOrderDetailsMessage orderDetails:
                ValidateOrderDetails(orderDetails);
                break;
            case InteractiveOrderStatusMessage orderStatus:
                ValidateReferenceId(orderStatus.ReferenceId);
                if (!Enum.IsDefined(orderStatus.Status))
                {
                    throw new WhatsAppValidationException("interactive.action.parameters.order.status", "'order.status' must be pending, processing, partially-shipped, shipped, completed or canceled.");
                }

                MaxLength(orderStatus.Description, MessageLimits.OrderDescription, "interactive.action.parameters.order.description");
                break;
        }
    }

    private static void ValidateButtons(InteractiveButtonsMessage message)
    {
        var buttons = message.Buttons;
        if (buttons.Count < MessageLimits.ReplyButtonsMin)
        {
            throw new WhatsAppValidationException("interactive.action.buttons", $"'interactive.action.buttons' must have at least {MessageLimits.ReplyButtonsMin} button.", MessageLimits.ReplyButtonsMin);
        }

        if (buttons.Count > MessageLimits.ReplyButtonsMax)
        {
            throw new WhatsAppValidationException("interactive.action.buttons", $"'interactive.action.buttons' must have at most {MessageLimits.ReplyButtonsMax} buttons.", MessageLimits.ReplyButtonsMax);
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            var button = buttons[i] ?? throw Missing($"interactive.action.buttons[{i}]");
            if (string.IsNullOrEmpty(button.Id))
            {
                throw Missing($"interactive.action.buttons[{i}].reply.id");
            }

            if (TooLong(button.Id, MessageLimits.ReplyButtonId))
            {
                throw TooLongError($"interactive.action.buttons[{i}].reply.id", MessageLimits.ReplyButtonId);
            }

            if (string.IsNullOrEmpty(button.Title))
            {
                throw Missing($"interactive.action.buttons[{i}].reply.title");
            }

            if (TooLong(button.Title, MessageLimits.ReplyButtonTitle))
            {
                throw TooLongError($"interactive.action.buttons[{i}].reply.title", MessageLimits.ReplyButtonTitle);
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(buttons[j].Id, button.Id, StringComparison.Ordinal))
                {
                    throw new WhatsAppValidationException($"interactive.action.buttons[{i}].reply.id", $"'interactive.action.buttons[{i}].reply.id' repeats the id of button {j}; ids must be unique.");
                }
            }
        }
    }

    private static void ValidateList(InteractiveListMessage message)
    {
        Length(message.ButtonText, 1, MessageLimits.ListButton, "interactive.action.button");
        var sections = message.Sections;
        if (sections.Count == 0)
        {
            throw new WhatsAppValidationException("interactive.action.sections", "'interactive.action.sections' must have at least 1 section.", 1);
        }

        if (sections.Count > MessageLimits.ListSectionsMax)
        {
            throw new WhatsAppValidationException("interactive.action.sections", $"'interactive.action.sections' must have at most {MessageLimits.ListSectionsMax} sections.", MessageLimits.ListSectionsMax);
        }

        var totalRows = 0;
        HashSet<string>? ids = null;
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i] ?? throw Missing($"interactive.action.sections[{i}]");
            if (section.Title is null || section.Title.Length == 0)
            {
                if (sections.Count > 1)
                {
                    throw new WhatsAppValidationException($"interactive.action.sections[{i}].title", $"'interactive.action.sections[{i}].title' is required when the list has more than one section.");
                }
            }
            else if (TooLong(section.Title, MessageLimits.ListSectionTitle))
            {
                throw TooLongError($"interactive.action.sections[{i}].title", MessageLimits.ListSectionTitle);
            }

            if (section.Rows.Count == 0)
            {
                throw new WhatsAppValidationException($"interactive.action.sections[{i}].rows", $"'interactive.action.sections[{i}].rows' must have at least 1 row.", 1);
            }

            totalRows += section.Rows.Count;
            if (totalRows > MessageLimits.ListRowsMax)
            {
                throw new WhatsAppValidationException("interactive.action.sections", $"A list message has at most {MessageLimits.ListRowsMax} rows across all sections.", MessageLimits.ListRowsMax);
            }

            for (var j = 0; j < section.Rows.Count; j++)
            {
                var row = section.Rows[j] ?? throw Missing($"interactive.action.sections[{i}].rows[{j}]");
                if (string.IsNullOrEmpty(row.Id))
                {
                    throw Missing($"interactive.action.sections[{i}].rows[{j}].id");
                }

                if (TooLong(row.Id, MessageLimits.ListRowId))
                {
                    throw TooLongError($"interactive.action.sections[{i}].rows[{j}].id", MessageLimits.ListRowId);
                }

                if (string.IsNullOrEmpty(row.Title))
                {
                    throw Missing($"interactive.action.sections[{i}].rows[{j}].title");
                }

                if (TooLong(row.Title, MessageLimits.ListRowTitle))
                {
                    throw TooLongError($"interactive.action.sections[{i}].rows[{j}].title", MessageLimits.ListRowTitle);
                }

                if (TooLong(row.Description, MessageLimits.ListRowDescription))
                {
                    throw TooLongError($"interactive.action.sections[{i}].rows[{j}].description", MessageLimits.ListRowDescription);
                }

                ids ??= new HashSet<string>(StringComparer.Ordinal);
                if (!ids.Add(row.Id))
                {
                    throw new WhatsAppValidationException($"interactive.action.sections[{i}].rows[{j}].id", $"'interactive.action.sections[{i}].rows[{j}].id' repeats an earlier row id; ids must be unique.");
                }
            }
        }
    }

    private static void ValidateFlow(InteractiveFlowMessage flow)
    {
        const string Parameters = "interactive.action.parameters";
        Length(flow.FlowCta, 1, MessageLimits.FlowCta, Parameters + ".flow_cta");
        var hasId = !string.IsNullOrEmpty(flow.FlowId);
        var hasName = !string.IsNullOrEmpty(flow.FlowName);
        if (hasId == hasName)
        {
            throw new WhatsAppValidationException(Parameters + ".flow_id", "Exactly one of 'flow_id' and 'flow_name' must be set.");
        }

        if (flow.Action == FlowAction.DataExchange && (flow.Screen is not null || flow.Data is not null))
        {
            throw new WhatsAppValidationException(Parameters + ".flow_action_payload", "'flow_action_payload' (Screen, Data) is only for the navigate action.");
        }

        if (flow.Data is not null)
        {
            if (flow.Data.Count == 0)
            {
                throw new WhatsAppValidationException(Parameters + ".flow_action_payload.data", "'flow_action_payload.data' must be a non-empty object when given.");
            }

            Required(flow.Screen, Parameters + ".flow_action_payload.screen");
        }
        else if (flow.Screen is not null)
        {
            Required(flow.Screen, Parameters + ".flow_action_payload.screen");
        }
    }

    private static void Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Missing(path);
        }
    }

    private static void Length(string? value, int min, int max, string path)
    {
        if (value is null || value.Length < min || (min > 0 && string.IsNullOrWhiteSpace(value)))
        {
            throw Missing(path);
        }

        if (TooLong(value, max))
        {
            throw TooLongError(path, max);
        }
    }

    private static void MaxLength(string? value, int max, string path)
    {
        if (TooLong(value, max))
        {
            throw TooLongError(path, max);
        }
    }

    /// <summary>
    /// Whether a text has more than <paramref name="max"/> characters, counted as Unicode code points (an emoji
    /// outside the BMP counts once), which is never stricter than the API.
    /// </summary>
    internal static bool TooLong(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return false;
        }

        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            if (++count > max)
            {
                return true;
            }
        }

        return false;
    }

    private static WhatsAppValidationException Missing(string path)
        => new(path, $"'{path}' is required.");

    private static WhatsAppValidationException TooLongError(string path, int max)
        => new(path, string.Create(CultureInfo.InvariantCulture, $"'{path}' must be at most {max} characters."), max);
}
