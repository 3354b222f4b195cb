using System.Globalization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Maps the public message model to the wire DTOs; polymorphism lives here, not in the serializer.</summary>
internal static class MessageMapper
{
    public static MessageRequest ToRequest(WhatsAppMessage message)
    {
        var request = new MessageRequest
        {
            To = MessageValidator.CanonicalRecipient(message.To),
            Type = message.MessageType,
            Context = message.ReplyToMessageId is { } replyTo ? new MessageContextDto { MessageId = replyTo } : null,
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

        return request;
    }

    private static MediaObjectDto ToMedia(MediaSource media, string? caption = null, string? filename = null)
        => new() { Id = media.Id, Link = media.Id is null ? media.Link?.OriginalString : null, Caption = caption, Filename = filename };

    private static TemplateDto ToTemplate(TemplateMessage template)
    {
        List<TemplateComponentDto>? components = null;
        if (template.Components is { Count: > 0 })
        {
            components = new List<TemplateComponentDto>(template.Components.Count);
            foreach (var component in template.Components)
            {
                var parameters = new List<TemplateParameterDto>(component.Parameters.Count);
                foreach (var parameter in component.Parameters)
                {
                    parameters.Add(ToParameter(parameter));
                }

                components.Add(new TemplateComponentDto
                {
                    Type = WireNames.Component(component.Type),
                    SubType = component.SubType is { } subType ? WireNames.SubType(subType) : null,
                    Index = component.Index is { } index ? WireNames.Index(index) : null,
                    Parameters = parameters,
                });
            }
        }

        return new TemplateDto
        {
            Name = template.Name,
            Language = new TemplateLanguageDto { Code = template.LanguageCode, Policy = template.DeterministicLanguagePolicy ? "deterministic" : null },
            Components = components,
        };
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
                dto.DateTime = new DateTimeDto { FallbackValue = parameter.FallbackValue };
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
                dto.Action = new TemplateFlowActionDto { FlowToken = parameter.FlowToken, FlowActionData = parameter.FlowActionData };
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
            Body = new InteractiveTextDto { Text = message.Body },
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
}
