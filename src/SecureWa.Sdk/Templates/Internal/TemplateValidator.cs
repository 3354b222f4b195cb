using System.Globalization;
using System.Text.RegularExpressions;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Templates.Internal;

/// <summary>
/// Checks a template against Meta's documented rules before any request: name charset and length, category, component
/// counts and text limits, variables numbered <c>{{1}}</c>…<c>{{n}}</c> consecutively (or named, with
/// <c>parameter_format</c> NAMED) and each exampled, button kinds and counts. Messages name the field and the limit,
/// never the value.
/// </summary>
internal static partial class TemplateValidator
{
    /// <exception cref="WhatsAppValidationException">A rule is broken.</exception>
    public static void Validate(TemplateDefinition definition)
    {
        ValidateName(definition.Name, "name");
        ValidateLanguage(definition.Language);
        var category = definition.Category;
        if (category != TemplateCategory.Marketing && category != TemplateCategory.Utility && category != TemplateCategory.Authentication)
        {
            throw new WhatsAppValidationException("category", "The category must be MARKETING, UTILITY or AUTHENTICATION.");
        }

        ValidateFormat(definition.ParameterFormat);
        ValidateTtl(definition.MessageSendTtlSeconds, category);
        ValidateComponents(definition.Components, category, definition.ParameterFormat);
    }

    /// <exception cref="WhatsAppValidationException">A rule is broken.</exception>
    public static void Validate(TemplateEdit edit)
    {
        if (edit.Category is null && edit.Components is null && edit.MessageSendTtlSeconds is null)
        {
            throw new WhatsAppValidationException("components", "An edit must change the category, the components or the message time-to-live.");
        }

        if (edit.Category is { } category && category != TemplateCategory.Marketing && category != TemplateCategory.Utility && category != TemplateCategory.Authentication)
        {
            throw new WhatsAppValidationException("category", "The category must be MARKETING, UTILITY or AUTHENTICATION.");
        }

        ValidateFormat(edit.ParameterFormat);
        ValidateTtl(edit.MessageSendTtlSeconds, edit.Category);
        if (edit.Components is { } components)
        {
            ValidateComponents(components, edit.Category, edit.ParameterFormat);
        }
    }

    /// <summary>Name rule: 1 to 512 characters of lowercase ASCII letters, digits and underscores.</summary>
    /// <exception cref="WhatsAppValidationException">The name breaks the rule.</exception>
    public static void ValidateName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new WhatsAppValidationException(field, "The template name is required.");
        }

        if (name.Length > TemplateLimits.NameMax)
        {
            throw new WhatsAppValidationException(field, $"The template name is longer than {TemplateLimits.NameMax} characters.", TemplateLimits.NameMax);
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                throw new WhatsAppValidationException(field, "The template name may contain only lowercase letters (a-z), digits and underscores.");
            }
        }
    }

    /// <summary>Language rule: a code such as <c>en</c>, <c>en_US</c>, <c>zh_HK</c>.</summary>
    /// <exception cref="WhatsAppValidationException">The code breaks the rule.</exception>
    public static void ValidateLanguage(string? language, string field = "language")
    {
        if (string.IsNullOrEmpty(language) || language.Length > TemplateLimits.LanguageMax || !LanguagePattern().IsMatch(language))
        {
            throw new WhatsAppValidationException(field, "The language must be a code such as 'en' or 'en_US'.", TemplateLimits.LanguageMax);
        }
    }

    private static void ValidateFormat(TemplateParameterFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new WhatsAppValidationException("parameter_format", "The parameter format must be POSITIONAL or NAMED.");
        }
    }

    private static void ValidateTtl(int? ttl, TemplateCategory? category)
    {
        if (ttl is not { } seconds)
        {
            return;
        }

        var max = category == TemplateCategory.Authentication ? TemplateLimits.AuthenticationTtlMax
            : category == TemplateCategory.Utility ? TemplateLimits.UtilityTtlMax
            : TemplateLimits.MarketingTtlMax;
        if (seconds < TemplateLimits.TtlMin || seconds > max)
        {
            throw new WhatsAppValidationException("message_send_ttl_seconds", $"The message time-to-live must be between {TemplateLimits.TtlMin} and {max} seconds for this category.", max);
        }
    }

    private static void ValidateComponents(IReadOnlyList<TemplateDefinitionComponent> components, TemplateCategory? category, TemplateParameterFormat format)
    {
        if (components.Count == 0)
        {
            throw new WhatsAppValidationException("components", "A template needs at least a body component.");
        }

        TemplateHeaderDefinition? header = null;
        TemplateBodyDefinition? body = null;
        TemplateFooterDefinition? footer = null;
        TemplateButtonsDefinition? buttons = null;
        TemplateCarouselDefinition? carousel = null;
        TemplateLimitedTimeOfferDefinition? offer = null;
        int headerIndex = 0, bodyIndex = 0, footerIndex = 0, buttonsIndex = 0, carouselIndex = 0, offerIndex = 0;
        for (var i = 0; i < components.Count; i++)
        {
            var field = $"components[{i}]";
            switch (components[i])
            {
                case null:
                    throw new WhatsAppValidationException(field, "A component is null.");
                case TemplateHeaderDefinition h:
                    header = Single(header, h, field, "HEADER");
                    headerIndex = i;
                    break;
                case TemplateBodyDefinition b:
                    body = Single(body, b, field, "BODY");
                    bodyIndex = i;
                    break;
                case TemplateFooterDefinition f:
                    footer = Single(footer, f, field, "FOOTER");
                    footerIndex = i;
                    break;
                case TemplateButtonsDefinition bs:
                    buttons = Single(buttons, bs, field, "BUTTONS");
                    buttonsIndex = i;
                    break;
                case TemplateCarouselDefinition c:
                    carousel = Single(carousel, c, field, "CAROUSEL");
                    carouselIndex = i;
                    break;
                case TemplateLimitedTimeOfferDefinition o:
                    offer = Single(offer, o, field, "LIMITED_TIME_OFFER");
                    offerIndex = i;
                    break;
            }
        }

        if (body is null)
        {
            throw new WhatsAppValidationException("components", "A template needs exactly one BODY component.");
        }

        var isAuthentication = category == TemplateCategory.Authentication;
        if (isAuthentication)
        {
            ValidateAuthentication(header, body, bodyIndex, footer, footerIndex, buttons, buttonsIndex, carousel, offer);
            return;
        }

        if (header is not null)
        {
            ValidateHeader(header, $"components[{headerIndex}]", format, allowText: true);
        }

        ValidateTextBody(body, $"components[{bodyIndex}]", format, TemplateLimits.BodyTextMax);
        if (footer is not null)
        {
            ValidateFooter(footer, $"components[{footerIndex}]");
        }

        if (buttons is not null)
        {
            ValidateButtons(buttons.Buttons, $"components[{buttonsIndex}].buttons", category);
        }

        if (carousel is not null)
        {
            if (header is not null || footer is not null || buttons is not null)
            {
                throw new WhatsAppValidationException($"components[{carouselIndex}]", "A carousel template has only a BODY and a CAROUSEL: no HEADER, FOOTER or BUTTONS.");
            }

            ValidateCarousel(carousel, $"components[{carouselIndex}]", format);
        }

        if (offer is not null)
        {
            ValidateOffer(offer, $"components[{offerIndex}]", category, footer, buttons);
        }
    }

    private static T Single<T>(T? existing, T component, string field, string type)
        where T : class
    {
        if (existing is not null)
        {
            throw new WhatsAppValidationException(field, $"A template has at most one {type} component.", 1);
        }

        return component;
    }

    private static void ValidateAuthentication(TemplateHeaderDefinition? header, TemplateBodyDefinition body, int bodyIndex, TemplateFooterDefinition? footer, int footerIndex, TemplateButtonsDefinition? buttons, int buttonsIndex, TemplateCarouselDefinition? carousel, TemplateLimitedTimeOfferDefinition? offer)
    {
        if (header is not null || carousel is not null || offer is not null)
        {
            throw new WhatsAppValidationException("components", "An authentication template has only BODY, FOOTER and BUTTONS components.");
        }

        if (body.Text is not null || body.AddSecurityRecommendation is null)
        {
            throw new WhatsAppValidationException($"components[{bodyIndex}].text", "An authentication template's body has no text (Meta writes it); use TemplateBodyDefinition.Authentication().");
        }

        if (footer is not null)
        {
            if (footer.Text is not null || footer.CodeExpirationMinutes is not { } minutes)
            {
                throw new WhatsAppValidationException($"components[{footerIndex}].text", "An authentication template's footer has no text, only the code expiry; use TemplateFooterDefinition.Authentication(minutes).");
            }

            if (minutes < TemplateLimits.CodeExpirationMinutesMin || minutes > TemplateLimits.CodeExpirationMinutesMax)
            {
                throw new WhatsAppValidationException($"components[{footerIndex}].code_expiration_minutes", $"The code expiry must be between {TemplateLimits.CodeExpirationMinutesMin} and {TemplateLimits.CodeExpirationMinutesMax} minutes.", TemplateLimits.CodeExpirationMinutesMax);
            }
        }

        if (buttons is null || buttons.Buttons.Count != 1 || buttons.Buttons[0] is not TemplateOtpButton otp)
        {
            throw new WhatsAppValidationException($"components[{buttonsIndex}].buttons", "An authentication template needs exactly one OTP button.", 1);
        }

        ValidateOtp(otp, $"components[{buttonsIndex}].buttons[0]");
    }

    private static void ValidateHeader(TemplateHeaderDefinition header, string field, TemplateParameterFormat format, bool allowText)
    {
        if (!Enum.IsDefined(header.Format))
        {
            throw new WhatsAppValidationException(field + ".format", "The header format must be TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION.");
        }

        switch (header.Format)
        {
            case TemplateHeaderFormat.Text:
                if (!allowText)
                {
                    throw new WhatsAppValidationException(field + ".format", "A carousel card's header must be an IMAGE or a VIDEO.");
                }

                var text = header.Text;
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new WhatsAppValidationException(field + ".text", "A text header needs text.");
                }

                if (text.Length > TemplateLimits.HeaderTextMax)
                {
                    throw new WhatsAppValidationException(field + ".text", $"The header text is longer than {TemplateLimits.HeaderTextMax} characters.", TemplateLimits.HeaderTextMax);
                }

                var variables = FindVariables(text, field + ".text", format);
                if (variables.Count > 1)
                {
                    throw new WhatsAppValidationException(field + ".text", "The header text has at most one variable.", 1);
                }

                if (variables.Count == 1)
                {
                    if (format == TemplateParameterFormat.Positional)
                    {
                        if (variables[0] != "1")
                        {
                            throw new WhatsAppValidationException(field + ".text", "The header's variable must be {{1}}.");
                        }

                        if (string.IsNullOrEmpty(header.Example))
                        {
                            throw new WhatsAppValidationException(field + ".example.header_text", "The header's variable needs an example.");
                        }
                    }
                    else if (header.NamedExample is not { } named || named.Name != variables[0] || string.IsNullOrEmpty(named.Example))
                    {
                        throw new WhatsAppValidationException(field + ".example.header_text_named_params", "The header's named variable needs an example with the same name.");
                    }
                }
                else if (header.Example is not null || header.NamedExample is not null)
                {
                    throw new WhatsAppValidationException(field + ".example", "The header has an example but no variable.");
                }

                break;
            case TemplateHeaderFormat.Image or TemplateHeaderFormat.Video or TemplateHeaderFormat.Document:
                if (string.IsNullOrWhiteSpace(header.MediaHandle))
                {
                    throw new WhatsAppValidationException(field + ".example.header_handle", "A media header needs the handle of an uploaded example (Resumable Upload API).");
                }

                break;
        }
    }

    private static void ValidateTextBody(TemplateBodyDefinition body, string field, TemplateParameterFormat format, int maxLength)
    {
        var text = body.Text;
        if (text is null || body.AddSecurityRecommendation is not null)
        {
            throw new WhatsAppValidationException(field + ".text", "Only an authentication template has a body without text.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new WhatsAppValidationException(field + ".text", "The body text is required.");
        }

        if (text.Length > maxLength)
        {
            throw new WhatsAppValidationException(field + ".text", $"The body text is longer than {maxLength} characters.", maxLength);
        }

        var variables = FindVariables(text, field + ".text", format);
        if (variables.Count > 0)
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("{{", StringComparison.Ordinal) || trimmed.EndsWith("}}", StringComparison.Ordinal))
            {
                throw new WhatsAppValidationException(field + ".text", "The body text must not start or end with a variable.");
            }

            // Meta rejects "parameters placed next to each other (like {{1}}{{2}}) without text or punctuation between them".
            if (AdjacentVariablesPattern().IsMatch(text))
            {
                throw new WhatsAppValidationException(field + ".text", "Two variables must be separated by text or punctuation, not only by white space.");
            }
        }

        CheckExamples(variables, body.Examples, body.NamedExamples, field, format, "body_text");
    }

    private static void CheckExamples(List<string> variables, IReadOnlyList<string> examples, IReadOnlyList<TemplateNamedExample> namedExamples, string field, TemplateParameterFormat format, string exampleName)
    {
        if (format == TemplateParameterFormat.Positional)
        {
            // {{1}}..{{n}}, each number present, none skipped (repeats allowed).
            var numbers = new SortedSet<int>();
            foreach (var v in variables)
            {
                numbers.Add(int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture));
            }

            var expected = 1;
            foreach (var n in numbers)
            {
                if (n != expected)
                {
                    throw new WhatsAppValidationException(field + ".text", $"Variables must be numbered consecutively from {{{{1}}}}; {{{{{expected}}}}} is missing.");
                }

                expected++;
            }

            if (namedExamples.Count > 0)
            {
                throw new WhatsAppValidationException(field + ".example", "Named examples need ParameterFormat = Named.");
            }

            if (examples.Count != numbers.Count)
            {
                throw new WhatsAppValidationException(field + ".example." + exampleName, $"Each of the {numbers.Count} variables needs exactly one example; {examples.Count} were given.", numbers.Count);
            }

            for (var i = 0; i < examples.Count; i++)
            {
                if (string.IsNullOrEmpty(examples[i]))
                {
                    throw new WhatsAppValidationException($"{field}.example.{exampleName}[{i}]", "An example is empty.");
                }
            }

            return;
        }

        if (examples.Count > 0)
        {
            throw new WhatsAppValidationException(field + ".example", "Positional examples need ParameterFormat = Positional.");
        }

        var names = new HashSet<string>(variables, StringComparer.Ordinal);
        var exampled = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < namedExamples.Count; i++)
        {
            var example = namedExamples[i];
            var exampleField = $"{field}.example.{exampleName}_named_params[{i}]";
            if (example is null || string.IsNullOrEmpty(example.Name) || string.IsNullOrEmpty(example.Example))
            {
                throw new WhatsAppValidationException(exampleField, "A named example needs a name and a value.");
            }

            if (!names.Contains(example.Name))
            {
                throw new WhatsAppValidationException(exampleField, "A named example names no variable of the text.");
            }

            if (!exampled.Add(example.Name))
            {
                throw new WhatsAppValidationException(exampleField, "A variable has two examples.");
            }
        }

        if (exampled.Count != names.Count)
        {
            throw new WhatsAppValidationException(field + ".example." + exampleName + "_named_params", $"Each of the {names.Count} named variables needs an example.", names.Count);
        }
    }

    private static void ValidateFooter(TemplateFooterDefinition footer, string field)
    {
        if (footer.CodeExpirationMinutes is not null || string.IsNullOrWhiteSpace(footer.Text))
        {
            throw new WhatsAppValidationException(field + ".text", "The footer needs text (only authentication templates have a code-expiry footer).");
        }

        if (footer.Text.Length > TemplateLimits.FooterTextMax)
        {
            throw new WhatsAppValidationException(field + ".text", $"The footer text is longer than {TemplateLimits.FooterTextMax} characters.", TemplateLimits.FooterTextMax);
        }

        if (VariablePattern().IsMatch(footer.Text))
        {
            throw new WhatsAppValidationException(field + ".text", "The footer text cannot have variables.");
        }
    }

    private static void ValidateButtons(IReadOnlyList<TemplateButtonDefinition> buttons, string field, TemplateCategory? category)
    {
        if (buttons.Count == 0 || buttons.Count > TemplateLimits.ButtonsMax)
        {
            throw new WhatsAppValidationException(field, $"A BUTTONS component has 1 to {TemplateLimits.ButtonsMax} buttons.", TemplateLimits.ButtonsMax);
        }

        int quickReplies = 0, urls = 0, phones = 0, copyCodes = 0, flows = 0, catalogs = 0, mpms = 0;
        for (var i = 0; i < buttons.Count; i++)
        {
            var buttonField = $"{field}[{i}]";
            var button = buttons[i] ?? throw new WhatsAppValidationException(buttonField, "A button is null.");
            switch (button)
            {
                case TemplateQuickReplyButton:
                    quickReplies++;
                    ValidateButtonText(button, buttonField);
                    break;
                case TemplateUrlButton url:
                    urls++;
                    ValidateButtonText(button, buttonField);
                    ValidateUrl(url, buttonField);
                    break;
                case TemplatePhoneNumberButton phone:
                    phones++;
                    ValidateButtonText(button, buttonField);
                    ValidatePhone(phone, buttonField);
                    break;
                case TemplateCopyCodeButton copy:
                    copyCodes++;
                    if (string.IsNullOrEmpty(copy.Example) || copy.Example.Length > TemplateLimits.CopyCodeExampleMax)
                    {
                        throw new WhatsAppValidationException(buttonField + ".example", $"A copy-code button needs an example code of 1 to {TemplateLimits.CopyCodeExampleMax} characters.", TemplateLimits.CopyCodeExampleMax);
                    }

                    break;
                case TemplateFlowButton flow:
                    flows++;
                    ValidateButtonText(button, buttonField);
                    ValidateFlow(flow, buttonField);
                    break;
                case TemplateOtpButton:
                    throw new WhatsAppValidationException(buttonField, "OTP buttons belong to AUTHENTICATION templates only.");
                case TemplateCatalogButton:
                    catalogs++;
                    ValidateButtonText(button, buttonField);
                    break;
                case TemplateMultiProductButton:
                    mpms++;
                    ValidateButtonText(button, buttonField);
                    break;
            }
        }

        Count(quickReplies, TemplateLimits.QuickReplyButtonsMax, field, "quick reply");
        Count(urls, TemplateLimits.UrlButtonsMax, field, "URL");
        Count(phones, TemplateLimits.PhoneNumberButtonsMax, field, "phone number");
        Count(copyCodes, TemplateLimits.CopyCodeButtonsMax, field, "copy-code");
        Count(flows, 1, field, "flow");
        Count(catalogs, 1, field, "catalog");
        Count(mpms, 1, field, "multi-product");
        if ((catalogs > 0 || mpms > 0) && category == TemplateCategory.Utility)
        {
            throw new WhatsAppValidationException(field, "Catalog and multi-product buttons belong to MARKETING templates.");
        }
    }

    private static void Count(int count, int max, string field, string what)
    {
        if (count > max)
        {
            throw new WhatsAppValidationException(field, $"A template has at most {max} {what} button(s).", max);
        }
    }

    private static void ValidateButtonText(TemplateButtonDefinition button, string field)
    {
        if (string.IsNullOrWhiteSpace(button.Text))
        {
            throw new WhatsAppValidationException(field + ".text", "The button needs a label.");
        }

        if (button.Text.Length > TemplateLimits.ButtonTextMax)
        {
            throw new WhatsAppValidationException(field + ".text", $"The button label is longer than {TemplateLimits.ButtonTextMax} characters.", TemplateLimits.ButtonTextMax);
        }

        if (VariablePattern().IsMatch(button.Text))
        {
            throw new WhatsAppValidationException(field + ".text", "A button label cannot have variables.");
        }
    }

    private static void ValidateUrl(TemplateUrlButton button, string field)
    {
        var url = button.Url;
        if (string.IsNullOrEmpty(url))
        {
            throw new WhatsAppValidationException(field + ".url", "A URL button needs a URL.");
        }

        if (url.Length > TemplateLimits.UrlMax)
        {
            throw new WhatsAppValidationException(field + ".url", $"The URL is longer than {TemplateLimits.UrlMax} characters.", TemplateLimits.UrlMax);
        }

        var matches = VariablePattern().Matches(url);
        if (matches.Count > 1)
        {
            throw new WhatsAppValidationException(field + ".url", "A URL has at most one variable.", 1);
        }

        var resolved = url;
        if (matches.Count == 1)
        {
            var match = matches[0];
            if (match.Groups[1].Value != "1" || match.Index + match.Length != url.Length)
            {
                throw new WhatsAppValidationException(field + ".url", "A URL's variable must be {{1}} at its end.");
            }

            if (string.IsNullOrEmpty(button.Example))
            {
                throw new WhatsAppValidationException(field + ".example", "A URL with a variable needs an example.");
            }

            resolved = url[..match.Index] + "x";
        }
        else if (button.Example is not null)
        {
            throw new WhatsAppValidationException(field + ".example", "The URL has an example but no variable.");
        }

        if (!Uri.TryCreate(resolved, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new WhatsAppValidationException(field + ".url", "The URL must be an absolute http or https URL.");
        }
    }

    private static void ValidatePhone(TemplatePhoneNumberButton button, string field)
    {
        var phone = button.PhoneNumber;
        if (string.IsNullOrEmpty(phone) || phone.Length > TemplateLimits.PhoneNumberMax)
        {
            throw new WhatsAppValidationException(field + ".phone_number", $"A phone number button needs a number of at most {TemplateLimits.PhoneNumberMax} characters.", TemplateLimits.PhoneNumberMax);
        }

        for (var i = 0; i < phone.Length; i++)
        {
            if (!char.IsAsciiDigit(phone[i]) && !(i == 0 && phone[i] == '+'))
            {
                throw new WhatsAppValidationException(field + ".phone_number", "The phone number must be digits with its country code, optionally after '+'.");
            }
        }
    }

    private static void ValidateFlow(TemplateFlowButton button, string field)
    {
        var given = (string.IsNullOrEmpty(button.FlowId) ? 0 : 1) + (string.IsNullOrEmpty(button.FlowName) ? 0 : 1) + (string.IsNullOrEmpty(button.FlowJson) ? 0 : 1);
        if (given != 1)
        {
            throw new WhatsAppValidationException(field, "A flow button names its flow by exactly one of flow_id, flow_name or flow_json.");
        }

        if (!Enum.IsDefined(button.FlowAction))
        {
            throw new WhatsAppValidationException(field + ".flow_action", "The flow action must be navigate or data_exchange.");
        }

        if (button.FlowAction == TemplateFlowAction.Navigate && string.IsNullOrEmpty(button.NavigateScreen))
        {
            throw new WhatsAppValidationException(field + ".navigate_screen", "A navigate flow button needs the first screen's id.");
        }
    }

    private static void ValidateOtp(TemplateOtpButton otp, string field)
    {
        if (!Enum.IsDefined(otp.OtpType))
        {
            throw new WhatsAppValidationException(field + ".otp_type", "The OTP type must be COPY_CODE, ONE_TAP or ZERO_TAP.");
        }

        if (otp.Text is { Length: > TemplateLimits.ButtonTextMax })
        {
            throw new WhatsAppValidationException(field + ".text", $"The button label is longer than {TemplateLimits.ButtonTextMax} characters.", TemplateLimits.ButtonTextMax);
        }

        if (otp.AutofillText is { Length: > TemplateLimits.ButtonTextMax })
        {
            throw new WhatsAppValidationException(field + ".autofill_text", $"The autofill label is longer than {TemplateLimits.ButtonTextMax} characters.", TemplateLimits.ButtonTextMax);
        }

        var apps = otp.SupportedApps ?? [];
        if (otp.OtpType == TemplateOtpType.CopyCode)
        {
            if (apps.Count > 0 || otp.AutofillText is not null || otp.ZeroTapTermsAccepted)
            {
                throw new WhatsAppValidationException(field, "A copy-code OTP button has no autofill text, supported apps or zero-tap terms.");
            }

            return;
        }

        if (apps.Count == 0 || apps.Count > TemplateLimits.SupportedAppsMax)
        {
            throw new WhatsAppValidationException(field + ".supported_apps", $"A one-tap or zero-tap button needs 1 to {TemplateLimits.SupportedAppsMax} supported apps.", TemplateLimits.SupportedAppsMax);
        }

        for (var i = 0; i < apps.Count; i++)
        {
            var app = apps[i];
            var appField = $"{field}.supported_apps[{i}]";
            if (app is null || string.IsNullOrEmpty(app.PackageName) || app.PackageName.Length > TemplateLimits.PackageNameMax)
            {
                throw new WhatsAppValidationException(appField + ".package_name", $"The package name is required (at most {TemplateLimits.PackageNameMax} characters).", TemplateLimits.PackageNameMax);
            }

            if (app.SignatureHash is null || app.SignatureHash.Length != TemplateLimits.SignatureHashLength)
            {
                throw new WhatsAppValidationException(appField + ".signature_hash", $"The signature hash must be {TemplateLimits.SignatureHashLength} characters.", TemplateLimits.SignatureHashLength);
            }
        }

        if (otp.OtpType == TemplateOtpType.ZeroTap && !otp.ZeroTapTermsAccepted)
        {
            throw new WhatsAppValidationException(field + ".zero_tap_terms_accepted", "A zero-tap button requires accepting Meta's zero-tap terms.");
        }
    }

    private static void ValidateCarousel(TemplateCarouselDefinition carousel, string field, TemplateParameterFormat format)
    {
        var cards = carousel.Cards;
        if (cards.Count == 0 || cards.Count > TemplateLimits.CarouselCardsMax)
        {
            throw new WhatsAppValidationException(field + ".cards", $"A carousel has 1 to {TemplateLimits.CarouselCardsMax} cards.", TemplateLimits.CarouselCardsMax);
        }

        TemplateHeaderFormat? headerFormat = null;
        string? buttonShape = null;
        for (var i = 0; i < cards.Count; i++)
        {
            var cardField = $"{field}.cards[{i}]";
            var card = cards[i] ?? throw new WhatsAppValidationException(cardField, "A card is null.");
            if (card.Header is null || card.Header.Format is not (TemplateHeaderFormat.Image or TemplateHeaderFormat.Video))
            {
                throw new WhatsAppValidationException(cardField + ".components[0].format", "A carousel card's header must be an IMAGE or a VIDEO.");
            }

            ValidateHeader(card.Header, cardField + ".components[0]", format, allowText: false);
            headerFormat ??= card.Header.Format;
            if (headerFormat != card.Header.Format)
            {
                throw new WhatsAppValidationException(cardField + ".components[0].format", "Every card of a carousel has a header of the same format.");
            }

            if (card.Body is not null)
            {
                ValidateTextBody(card.Body, cardField + ".components[1]", format, TemplateLimits.CarouselCardBodyMax);
            }

            var buttonsField = cardField + ".components[" + (card.Body is null ? 1 : 2) + "].buttons";
            if (card.Buttons.Count == 0 || card.Buttons.Count > TemplateLimits.CarouselCardButtonsMax)
            {
                throw new WhatsAppValidationException(buttonsField, $"A carousel card has 1 to {TemplateLimits.CarouselCardButtonsMax} buttons.", TemplateLimits.CarouselCardButtonsMax);
            }

            foreach (var button in card.Buttons)
            {
                if (button is not (TemplateQuickReplyButton or TemplateUrlButton or TemplatePhoneNumberButton))
                {
                    throw new WhatsAppValidationException(buttonsField, "A carousel card's buttons are quick reply, URL or phone number buttons.");
                }
            }

            ValidateButtons(card.Buttons, buttonsField, TemplateCategory.Marketing);
            var shape = string.Join(',', card.Buttons.Select(static b => b.Type));
            buttonShape ??= shape;
            if (buttonShape != shape)
            {
                throw new WhatsAppValidationException(buttonsField, "Every card of a carousel has the same number and kinds of buttons, in the same order.");
            }
        }
    }

    private static void ValidateOffer(TemplateLimitedTimeOfferDefinition offer, string field, TemplateCategory? category, TemplateFooterDefinition? footer, TemplateButtonsDefinition? buttons)
    {
        if (category is { } c && c != TemplateCategory.Marketing)
        {
            throw new WhatsAppValidationException(field, "Limited-time offers belong to MARKETING templates.");
        }

        if (string.IsNullOrWhiteSpace(offer.Text) || offer.Text.Length > TemplateLimits.LimitedTimeOfferTextMax)
        {
            throw new WhatsAppValidationException(field + ".limited_time_offer.text", $"The offer text is required, at most {TemplateLimits.LimitedTimeOfferTextMax} characters.", TemplateLimits.LimitedTimeOfferTextMax);
        }

        if (footer is not null)
        {
            throw new WhatsAppValidationException("components", "A limited-time-offer template has no FOOTER.");
        }

        if (offer.HasExpiration && (buttons is null || !buttons.Buttons.Any(static b => b is TemplateCopyCodeButton)))
        {
            throw new WhatsAppValidationException(field + ".limited_time_offer.has_expiration", "An offer with an expiry needs a copy-code button.");
        }
    }

    /// <summary>The variables of a text, in order of appearance, checked against the parameter format.</summary>
    private static List<string> FindVariables(string text, string field, TemplateParameterFormat format)
    {
        var result = new List<string>();
        foreach (Match match in VariablePattern().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (PositionalPattern().IsMatch(name))
            {
                if (format == TemplateParameterFormat.Named)
                {
                    throw new WhatsAppValidationException(field, "A NAMED template uses named variables such as {{first_name}}, not numbers.");
                }
            }
            else if (NamedPattern().IsMatch(name))
            {
                if (format == TemplateParameterFormat.Positional)
                {
                    throw new WhatsAppValidationException(field, "A named variable needs ParameterFormat = Named (parameter_format NAMED).");
                }
            }
            else
            {
                throw new WhatsAppValidationException(field, "A variable must be {{1}}, {{2}}, … or, in a NAMED template, {{name}} of lowercase letters, digits and underscores.");
            }

            result.Add(name);
        }

        // A "{{" or "}}" left over is a malformed variable ("{{1}", "{ {1}}").
        var stripped = VariablePattern().Replace(text, string.Empty);
        if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
        {
            throw new WhatsAppValidationException(field, "The text has a malformed variable; write {{1}} or {{name}}.");
        }

        return result;
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant)]
    internal static partial Regex VariablePattern();

    [GeneratedRegex(@"\}\}\s*\{\{", RegexOptions.CultureInvariant)]
    private static partial Regex AdjacentVariablesPattern();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionalPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPattern();

    [GeneratedRegex(@"^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
