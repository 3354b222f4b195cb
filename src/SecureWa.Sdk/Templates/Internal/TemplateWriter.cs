using System.Text.Json;

namespace SecureWa.Sdk.Templates.Internal;

/// <summary>Writes template definitions in the Graph shape (<c>POST /{waba-id}/message_templates</c>, <c>POST /{template-id}</c>).</summary>
internal static class TemplateWriter
{
    public static byte[] Create(TemplateDefinition definition) => Serialization.JsonBody.Write(definition, static (writer, d) =>
    {
        writer.WriteStartObject();
        writer.WriteString("name", d.Name);
        writer.WriteString("language", d.Language);
        writer.WriteString("category", d.Category.ToString().ToUpperInvariant());
        if (d.ParameterFormat == TemplateParameterFormat.Named)
        {
            writer.WriteString("parameter_format", "NAMED");
        }

        if (d.MessageSendTtlSeconds is { } ttl)
        {
            writer.WriteNumber("message_send_ttl_seconds", ttl);
        }

        WriteComponents(writer, d.Components);
        writer.WriteEndObject();
    });

    public static byte[] Edit(TemplateEdit edit) => Serialization.JsonBody.Write(edit, static (writer, e) =>
    {
        writer.WriteStartObject();
        if (e.Category is { } category)
        {
            writer.WriteString("category", category.ToString().ToUpperInvariant());
        }

        if (e.Components is { } components)
        {
            if (e.ParameterFormat == TemplateParameterFormat.Named)
            {
                writer.WriteString("parameter_format", "NAMED");
            }

            WriteComponents(writer, components);
        }

        if (e.MessageSendTtlSeconds is { } ttl)
        {
            writer.WriteNumber("message_send_ttl_seconds", ttl);
        }

        writer.WriteEndObject();
    });

    private static void WriteComponents(Utf8JsonWriter writer, IReadOnlyList<TemplateDefinitionComponent> components)
    {
        writer.WriteStartArray("components");
        foreach (var component in components)
        {
            WriteComponent(writer, component);
        }

        writer.WriteEndArray();
    }

    private static void WriteComponent(Utf8JsonWriter writer, TemplateDefinitionComponent component)
    {
        switch (component)
        {
            case TemplateHeaderDefinition header:
                WriteHeader(writer, header);
                break;
            case TemplateBodyDefinition body:
                WriteBody(writer, body);
                break;
            case TemplateFooterDefinition footer:
                writer.WriteStartObject();
                writer.WriteString("type", "FOOTER");
                if (footer.CodeExpirationMinutes is { } minutes)
                {
                    writer.WriteNumber("code_expiration_minutes", minutes);
                }
                else
                {
                    writer.WriteString("text", footer.Text);
                }

                writer.WriteEndObject();
                break;
            case TemplateButtonsDefinition buttons:
                WriteButtons(writer, buttons.Buttons);
                break;
            case TemplateCarouselDefinition carousel:
                writer.WriteStartObject();
                writer.WriteString("type", "CAROUSEL");
                writer.WriteStartArray("cards");
                foreach (var card in carousel.Cards)
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("components");
                    WriteHeader(writer, card.Header);
                    if (card.Body is not null)
                    {
                        WriteBody(writer, card.Body);
                    }

                    WriteButtons(writer, card.Buttons);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case TemplateLimitedTimeOfferDefinition offer:
                writer.WriteStartObject();
                writer.WriteString("type", "LIMITED_TIME_OFFER");
                writer.WriteStartObject("limited_time_offer");
                writer.WriteString("text", offer.Text);
                writer.WriteBoolean("has_expiration", offer.HasExpiration);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteHeader(Utf8JsonWriter writer, TemplateHeaderDefinition header)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "HEADER");
        writer.WriteString("format", header.Format switch
        {
            TemplateHeaderFormat.Image => "IMAGE",
            TemplateHeaderFormat.Video => "VIDEO",
            TemplateHeaderFormat.Document => "DOCUMENT",
            TemplateHeaderFormat.Location => "LOCATION",
            _ => "TEXT",
        });
        switch (header.Format)
        {
            case TemplateHeaderFormat.Text:
                writer.WriteString("text", header.Text);
                if (header.Example is { } example)
                {
                    writer.WriteStartObject("example");
                    writer.WriteStartArray("header_text");
                    writer.WriteStringValue(example);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                else if (header.NamedExample is { } named)
                {
                    writer.WriteStartObject("example");
                    writer.WriteStartArray("header_text_named_params");
                    WriteNamed(writer, named);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                break;
            case TemplateHeaderFormat.Image or TemplateHeaderFormat.Video or TemplateHeaderFormat.Document:
                writer.WriteStartObject("example");
                writer.WriteStartArray("header_handle");
                writer.WriteStringValue(header.MediaHandle);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, TemplateBodyDefinition body)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "BODY");
        if (body.AddSecurityRecommendation is { } recommendation)
        {
            writer.WriteBoolean("add_security_recommendation", recommendation);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("text", body.Text);
        if (body.Examples.Count > 0)
        {
            // body_text is a list of example rows; the API takes one row.
            writer.WriteStartObject("example");
            writer.WriteStartArray("body_text");
            writer.WriteStartArray();
            foreach (var example in body.Examples)
            {
                writer.WriteStringValue(example);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else if (body.NamedExamples.Count > 0)
        {
            writer.WriteStartObject("example");
            writer.WriteStartArray("body_text_named_params");
            foreach (var named in body.NamedExamples)
            {
                WriteNamed(writer, named);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNamed(Utf8JsonWriter writer, TemplateNamedExample named)
    {
        writer.WriteStartObject();
        writer.WriteString("param_name", named.Name);
        writer.WriteString("example", named.Example);
        writer.WriteEndObject();
    }

    private static void WriteButtons(Utf8JsonWriter writer, IReadOnlyList<TemplateButtonDefinition> buttons)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "BUTTONS");
        writer.WriteStartArray("buttons");
        foreach (var button in buttons)
        {
            WriteButton(writer, button);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteButton(Utf8JsonWriter writer, TemplateButtonDefinition button)
    {
        writer.WriteStartObject();
        writer.WriteString("type", button.Type);
        if (button.Text is { } text)
        {
            writer.WriteString("text", text);
        }

        switch (button)
        {
            case TemplateUrlButton url:
                writer.WriteString("url", url.Url);
                if (url.Example is { } example)
                {
                    writer.WriteStartArray("example");
                    writer.WriteStringValue(example);
                    writer.WriteEndArray();
                }

                break;
            case TemplatePhoneNumberButton phone:
                writer.WriteString("phone_number", phone.PhoneNumber);
                break;
            case TemplateCopyCodeButton copy:
                writer.WriteString("example", copy.Example);
                break;
            case TemplateFlowButton flow:
                if (!string.IsNullOrEmpty(flow.FlowId))
                {
                    writer.WriteString("flow_id", flow.FlowId);
                }
                else if (!string.IsNullOrEmpty(flow.FlowName))
                {
                    writer.WriteString("flow_name", flow.FlowName);
                }
                else
                {
                    writer.WriteString("flow_json", flow.FlowJson);
                }

                writer.WriteString("flow_action", flow.FlowAction == TemplateFlowAction.DataExchange ? "data_exchange" : "navigate");
                if (!string.IsNullOrEmpty(flow.NavigateScreen))
                {
                    writer.WriteString("navigate_screen", flow.NavigateScreen);
                }

                break;
            case TemplateOtpButton otp:
                writer.WriteString("otp_type", otp.OtpType switch
                {
                    TemplateOtpType.OneTap => "ONE_TAP",
                    TemplateOtpType.ZeroTap => "ZERO_TAP",
                    _ => "COPY_CODE",
                });
                if (otp.AutofillText is { } autofill)
                {
                    writer.WriteString("autofill_text", autofill);
                }

                if (otp.OtpType == TemplateOtpType.ZeroTap)
                {
                    writer.WriteBoolean("zero_tap_terms_accepted", otp.ZeroTapTermsAccepted);
                }

                if (otp.SupportedApps is { Count: > 0 } apps)
                {
                    writer.WriteStartArray("supported_apps");
                    foreach (var app in apps)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("package_name", app.PackageName);
                        writer.WriteString("signature_hash", app.SignatureHash);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                break;
        }

        writer.WriteEndObject();
    }
}
