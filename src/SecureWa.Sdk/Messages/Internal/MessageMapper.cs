using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Maps the public message model to the wire DTOs; polymorphism lives here, not in the serializer.</summary>
internal static class MessageMapper
{
    public static MessageRequest ToRequest(WhatsAppMessage message)
    {
        var request = new MessageRequest
        {
            To = message.RecipientType == MessageRecipientType.Group ? message.To : MessageValidator.CanonicalRecipient(message.To),
            Type = message.MessageType,
            RecipientType = WireNames.Recipient(message.RecipientType),
            Context = message.ReplyToMessageId is { } replyTo ? new MessageContextDto { MessageId = replyTo } : null,
            BizOpaqueCallbackData = message.BizOpaqueCallbackData,
            ExtensionData = Copy(message.AdditionalPropertiesJson),
        };

        switch (message)
        {
            case TextMessage text:
                request.Text = new TextDto { Body = text.Body, PreviewUrl = text.PreviewUrl ? true : null };
                break;
            case TemplateMessage template:
                request.Template = ToTemplate(template);
                break;
            case ImageMessage image:
                request.Image = ToMedia(image.Media, image.Caption);
                break;
            case AudioMessage audio:
                request.Audio = ToMedia(audio.Media);
                break;
            case VideoMessage video:
                request.Video = ToMedia(video.Media, video.Caption);
                break;
            case DocumentMessage document:
                request.Document = ToMedia(document.Media, document.Caption, document.Filename);
                break;
            case StickerMessage sticker:
                request.Sticker = ToMedia(sticker.Media);
                break;
            case LocationMessage location:
                request.Location = new LocationDto { Latitude = location.Latitude, Longitude = location.Longitude, Name = location.Name, Address = location.Address };
                break;
            case ContactsMessage contacts:
                request.Contacts = contacts.Contacts.Select(ToContact).ToList();
                break;
            case InteractiveMessage interactive:
                request.Interactive = ToInteractive(interactive);
                break;
            case ReactionMessage reaction:
                request.Reaction = new ReactionDto { MessageId = reaction.MessageId, Emoji = reaction.Emoji };
                break;
            default:
                throw new NotSupportedException($"Message kind {message.GetType().Name} is not supported.");
        }

        if (message.AdditionalTypePropertiesJson is { } typeProperties)
        {
            var copy = Copy(typeProperties);
            switch (request)
            {
                case { Text: { } dto }: dto.ExtensionData = copy; break;
                case { Template: { } dto }: dto.ExtensionData = copy; break;
                case { Image: { } dto }: dto.ExtensionData = copy; break;
                case { Audio: { } dto }: dto.ExtensionData = copy; break;
                case { Video: { } dto }: dto.ExtensionData = copy; break;
                case { Document: { } dto }: dto.ExtensionData = copy; break;
                case { Sticker: { } dto }: dto.ExtensionData = copy; break;
                case { Location: { } dto }: dto.ExtensionData = copy; break;
                case { Interactive: { } dto }: dto.ExtensionData = copy; break;
                case { Reaction: { } dto }: dto.ExtensionData = copy; break;
                default: throw new NotSupportedException($"Message kind {message.GetType().Name} takes no additional type properties.");
            }
        }

        return request;
    }

    /// <summary>
    /// The escape-hatch properties as JSON elements, a private copy per request. (Extension data typed as
    /// <see cref="JsonObject"/> is written as a nested value by the source-generated serializer, not merged; elements are.)
    /// </summary>
    private static Dictionary<string, JsonElement>? Copy(byte[]? json) => AdditionalJson.ToElements(json);

    private static MediaObjectDto ToMedia(MediaSource media, string? caption = null, string? filename = null)
        => new() { Id = media.Id, Link = media.Id is null ? media.Link?.OriginalString : null, Caption = caption, Filename = filename };

    private static TemplateDto ToTemplate(TemplateMessage template) => new()
    {
        Name = template.Name,
        Language = new TemplateLanguageDto { Code = template.LanguageCode, Policy = template.DeterministicLanguagePolicy ? "deterministic" : null },
        Components = template.Components is { Count: > 0 } ? ToComponents(template.Components) : null,
    };

    private static List<TemplateComponentDto> ToComponents(IReadOnlyList<TemplateComponent> source)
    {
        var components = new List<TemplateComponentDto>(source.Count);
        foreach (var component in source)
        {
            List<TemplateParameterDto>? parameters = null;
            List<TemplateCardDto>? cards = null;
            if (component.Type == TemplateComponentType.Carousel)
            {
                cards = new List<TemplateCardDto>(component.Cards.Count);
                foreach (var card in component.Cards)
                {
                    cards.Add(new TemplateCardDto { CardIndex = card.CardIndex, Components = ToComponents(card.Components) });
                }
            }
            else if (component.Parameters.Count > 0 || component.SubType != TemplateButtonSubType.Catalog)
            {
                // A catalog button without a thumbnail has no parameters at all (Meta's example and pywa omit them).
                parameters = new List<TemplateParameterDto>(component.Parameters.Count);
                foreach (var parameter in component.Parameters)
                {
                    parameters.Add(ToParameter(parameter));
                }
            }

            components.Add(new TemplateComponentDto
            {
                Type = WireNames.Component(component.Type),
                SubType = component.SubType is { } subType ? WireNames.SubType(subType) : null,
                Index = component.Index is { } index ? WireNames.Index(index) : null,
                Parameters = parameters,
                Cards = cards,
            });
        }

        return components;
    }

    private static TemplateParameterDto ToParameter(TemplateParameter parameter)
    {
        var dto = new TemplateParameterDto { Type = WireNames.Parameter(parameter.Type), ParameterName = parameter.ParameterName };
        switch (parameter.Type)
        {
            case TemplateParameterType.Text:
                dto.Text = parameter.TextValue;
                break;
            case TemplateParameterType.Currency:
                dto.Currency = new CurrencyDto { FallbackValue = parameter.FallbackValue, Code = parameter.CurrencyCode, Amount1000 = parameter.Amount1000 };
                break;
            case TemplateParameterType.DateTime:
                var full = parameter.DateTimeValue;
                dto.DateTime = new DateTimeDto
                {
                    FallbackValue = parameter.FallbackValue,
                    DayOfWeek = full?.DayOfWeek,
                    Year = full?.Year,
                    Month = full?.Month,
                    DayOfMonth = full?.DayOfMonth,
                    Hour = full?.Hour,
                    Minute = full?.Minute,
                    Calendar = full?.Calendar is { } calendar ? WireNames.Calendar(calendar) : null,
                };
                break;
            case TemplateParameterType.Location:
                dto.Location = new LocationDto { Latitude = parameter.Latitude, Longitude = parameter.Longitude, Name = parameter.LocationName, Address = parameter.LocationAddress };
                break;
            case TemplateParameterType.Product:
                dto.Product = new TemplateProductDto { ProductRetailerId = parameter.ProductRetailerId, CatalogId = parameter.CatalogId };
                break;
            case TemplateParameterType.LimitedTimeOffer:
                dto.LimitedTimeOffer = new LimitedTimeOfferDto { ExpirationTimeMs = parameter.ExpiresAt.GetValueOrDefault().ToUnixTimeMilliseconds() };
                break;
            case TemplateParameterType.Image:
                dto.Image = ToMedia(parameter.Media!);
                break;
            case TemplateParameterType.Document:
                dto.Document = ToMedia(parameter.Media!, filename: parameter.Filename);
                break;
            case TemplateParameterType.Video:
                dto.Video = ToMedia(parameter.Media!);
                break;
            case TemplateParameterType.Payload:
                dto.Payload = parameter.Payload;
                break;
            case TemplateParameterType.CouponCode:
                dto.CouponCode = parameter.CouponCode;
                break;
            case TemplateParameterType.Action:
                dto.Action = new TemplateFlowActionDto { FlowToken = parameter.FlowToken, FlowActionData = parameter.FlowActionData, ThumbnailProductRetailerId = parameter.ThumbnailProductRetailerId };
                break;
        }

        return dto;
    }

    private static ContactDto ToContact(ContactCard contact) => new()
    {
        Name = new ContactNameDto
        {
            FormattedName = contact.Name.FormattedName,
            FirstName = contact.Name.FirstName,
            LastName = contact.Name.LastName,
            MiddleName = contact.Name.MiddleName,
            Suffix = contact.Name.Suffix,
            Prefix = contact.Name.Prefix,
        },
        Birthday = contact.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Phones = NullIfEmpty(contact.Phones, static p => new ContactPhoneDto { Phone = p.Phone, Type = p.Type, WaId = p.WaId }),
        Emails = NullIfEmpty(contact.Emails, static e => new ContactEmailDto { Email = e.Email, Type = e.Type }),
        Urls = NullIfEmpty(contact.Urls, static u => new ContactUrlDto { Url = u.Url, Type = u.Type }),
        Addresses = NullIfEmpty(contact.Addresses, static a => new ContactAddressDto
        {
            Street = a.Street,
            City = a.City,
            State = a.State,
            Zip = a.Zip,
            Country = a.Country,
            CountryCode = a.CountryCode,
            Type = a.Type,
        }),
        Org = contact.Organization is { } org ? new ContactOrgDto { Company = org.Company, Department = org.Department, Title = org.Title } : null,
    };

    private static List<TDto>? NullIfEmpty<T, TDto>(IReadOnlyList<T>? items, Func<T, TDto> map)
        => items is { Count: > 0 } ? items.Select(map).ToList() : null;

    private static InteractiveDto ToInteractive(InteractiveMessage message)
    {
        var dto = new InteractiveDto
        {
            Type = message.InteractiveType,
            Header = message.Header is { } header ? ToHeader(header) : null,
            Body = string.IsNullOrEmpty(message.Body) ? null : new InteractiveTextDto { Text = message.Body },
            Footer = message.Footer is { } footer ? new InteractiveTextDto { Text = footer } : null,
        };

        dto.Action = message switch
        {
            InteractiveButtonsMessage buttons => new InteractiveActionDto
            {
                Buttons = buttons.Buttons.Select(static b => new ReplyButtonDto { Reply = new ReplyButtonReplyDto { Id = b.Id, Title = b.Title } }).ToList(),
            },
            InteractiveListMessage list => new InteractiveActionDto
            {
                Button = list.ButtonText,
                Sections = list.Sections.Select(static s => new ListSectionDto
                {
                    Title = string.IsNullOrEmpty(s.Title) ? null : s.Title,
                    Rows = s.Rows.Select(static r => new ListRowDto { Id = r.Id, Title = r.Title, Description = r.Description }).ToList(),
                }).ToList(),
            },
            InteractiveCtaUrlMessage cta => new InteractiveActionDto
            {
                Name = "cta_url",
                Parameters = new InteractiveActionParametersDto { DisplayText = cta.DisplayText, Url = cta.Url.OriginalString },
            },
            InteractiveFlowMessage flow => new InteractiveActionDto
            {
                Name = "flow",
                Parameters = new InteractiveActionParametersDto
                {
                    FlowMessageVersion = "3",
                    FlowToken = flow.FlowToken,
                    FlowId = string.IsNullOrEmpty(flow.FlowId) ? null : flow.FlowId,
                    FlowName = string.IsNullOrEmpty(flow.FlowName) ? null : flow.FlowName,
                    FlowCta = flow.FlowCta,
                    FlowAction = flow.Action is { } action ? WireNames.Flow(action) : null,
                    Mode = flow.IsDraft ? "draft" : null,
                    FlowActionPayload = flow.Screen is null && flow.Data is null ? null : new FlowActionPayloadDto { Screen = flow.Screen, Data = flow.Data },
                },
            },
            InteractiveCatalogMessage catalog => new InteractiveActionDto
            {
                Name = "catalog_message",
                Parameters = catalog.ThumbnailProductRetailerId is { } thumbnail ? new InteractiveActionParametersDto { ThumbnailProductRetailerId = thumbnail } : null,
            },
            InteractiveProductMessage product => new InteractiveActionDto { CatalogId = product.CatalogId, ProductRetailerId = product.ProductRetailerId },
            InteractiveProductListMessage productList => new InteractiveActionDto
            {
                CatalogId = productList.CatalogId,
                Sections = productList.Sections.Select(static s => new ListSectionDto
                {
                    Title = string.IsNullOrEmpty(s.Title) ? null : s.Title,
                    ProductItems = s.ProductRetailerIds.Select(static id => new ProductItemDto { ProductRetailerId = id }).ToList(),
                }).ToList(),
            },
            InteractiveLocationRequestMessage => new InteractiveActionDto { Name = "send_location" },
            InteractiveCallPermissionRequestMessage => new InteractiveActionDto { Name = "call_permission_request" },
            InteractiveAddressMessage address => new InteractiveActionDto
            {
                Name = "address_message",
                Parameters = new InteractiveActionParametersDto
                {
                    Country = address.Country,
                    Values = address.Values is { } values ? ToAddress(values) : null,
                    SavedAddresses = address.SavedAddresses is { Count: > 0 } saved ? saved.Select(static a => new SavedAddressDto { Id = a.Id, Value = ToAddress(a.Value) }).ToList() : null,
                    ValidationErrors = address.ValidationErrors is { Count: > 0 } errors ? new Dictionary<string, string>(errors, StringComparer.Ordinal) : null,
                },
            },
            InteractiveOrderDetailsMessage order => new InteractiveActionDto { Name = "review_and_pay", Parameters = ToOrderDetails(order) },
            InteractiveOrderStatusMessage status => new InteractiveActionDto
            {
                Name = "review_order",
                Parameters = new InteractiveActionParametersDto
                {
                    ReferenceId = status.ReferenceId,
                    Order = new OrderDto { Status = WireNames.Order(status.Status), Description = status.Description },
                },
            },
            _ => throw new NotSupportedException($"Interactive kind {message.GetType().Name} is not supported."),
        };

        return dto;
    }

    private static InteractiveHeaderDto ToHeader(InteractiveHeader header) => header.Type switch
    {
        InteractiveHeaderType.Text => new InteractiveHeaderDto { Type = "text", Text = header.Text },
        InteractiveHeaderType.Image => new InteractiveHeaderDto { Type = "image", Image = ToMedia(header.Media!) },
        InteractiveHeaderType.Video => new InteractiveHeaderDto { Type = "video", Video = ToMedia(header.Media!) },
        InteractiveHeaderType.Document => new InteractiveHeaderDto { Type = "document", Document = ToMedia(header.Media!, filename: header.Filename) },
        _ => throw new NotSupportedException($"Header type {header.Type} is not supported."),
    };

    private static AddressValuesDto ToAddress(AddressFields a) => new()
    {
        Name = a.Name,
        PhoneNumber = a.PhoneNumber,
        InPinCode = a.InPinCode,
        SgPostCode = a.SgPostCode,
        HouseNumber = a.HouseNumber,
        FloorNumber = a.FloorNumber,
        TowerNumber = a.TowerNumber,
        BuildingName = a.BuildingName,
        Address = a.Address,
        LandmarkArea = a.LandmarkArea,
        UnitNumber = a.UnitNumber,
        City = a.City,
        State = a.State,
    };

    private static AmountDto ToAmount(OrderAmount amount) => new() { Value = amount.Value, Offset = amount.Offset };

    private static AmountDto ToCharge(OrderCharge charge) => new()
    {
        Value = charge.Amount.Value,
        Offset = charge.Amount.Offset,
        Description = charge.Description,
        DiscountProgramName = charge.DiscountProgramName,
    };

    private static InteractiveActionParametersDto ToOrderDetails(InteractiveOrderDetailsMessage message)
    {
        var order = message.Order;
        return new InteractiveActionParametersDto
        {
            ReferenceId = message.ReferenceId,
            Type = WireNames.Goods(message.GoodsType),
            PaymentType = message.PaymentType,
            PaymentConfiguration = message.PaymentConfiguration,
            PaymentSettings = message.PaymentSettings is { Count: > 0 } settings ? settings.Select(ToPaymentSetting).ToList() : null,
            Currency = message.Currency,
            TotalAmount = ToAmount(message.TotalAmount),
            Order = new OrderDto
            {
                Status = "pending",
                CatalogId = order.CatalogId,
                Expiration = order.ExpiresAt is { } expires
                    ? new OrderExpirationDto { Timestamp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Description = order.ExpirationDescription }
                    : null,
                Items = order.Items.Select(static item => new OrderItemDto
                {
                    RetailerId = item.RetailerId,
                    Name = item.Name,
                    Amount = ToAmount(item.Amount),
                    Quantity = item.Quantity,
                    SaleAmount = item.SaleAmount is { } sale ? ToAmount(sale) : null,
                    CountryOfOrigin = item.CountryOfOrigin,
                    ImporterName = item.ImporterName,
                }).ToList(),
                Subtotal = ToAmount(order.Subtotal),
                Tax = ToCharge(order.Tax),
                Shipping = order.Shipping is { } shipping ? ToCharge(shipping) : null,
                Discount = order.Discount is { } discount ? ToCharge(discount) : null,
            },
        };
    }

    private static PaymentSettingDto ToPaymentSetting(OrderPaymentSetting setting) => setting.Type switch
    {
        "payment_gateway" => new PaymentSettingDto { Type = setting.Type, PaymentGateway = new PaymentGatewayDto { Type = setting.GatewayType, ConfigurationName = setting.ConfigurationName } },
        "payment_link" => new PaymentSettingDto { Type = setting.Type, PaymentLink = new PaymentLinkDto { Uri = setting.LinkUri?.OriginalString } },
        "pix_dynamic_code" => new PaymentSettingDto
        {
            Type = setting.Type,
            PixDynamicCode = new PixDynamicCodeDto { Code = setting.PixCode, MerchantName = setting.PixMerchantName, Key = setting.PixKey, KeyType = setting.PixKeyType },
        },
        "boleto" => new PaymentSettingDto { Type = setting.Type, Boleto = new BoletoDto { DigitableLine = setting.BoletoDigitableLine } },
        _ => throw new NotSupportedException($"Payment setting {setting.Type} is not supported."),
    };
}
