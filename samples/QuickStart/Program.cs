// SecureWa.Sdk quick start: sends a text, a template and an interactive message.
//
// Configuration comes from the environment; the access token comes from a secret provider and is never
// printed:
//   WHATSAPP_ACCESS_TOKEN     the Graph API token (read by EnvironmentSecretProvider)
//   WHATSAPP_PHONE_NUMBER_ID  the business phone number id to send from
//   WHATSAPP_TO               the recipient, in E.164 (+16505551234)
//   WHATSAPP_TEMPLATE         optional template name (default hello_world, language en_US)
//   WHATSAPP_BASE_URL         optional Graph host (default https://graph.facebook.com/)
using SecureWa.Sdk;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

var phoneNumberId = Require("WHATSAPP_PHONE_NUMBER_ID");
var to = Require("WHATSAPP_TO");
var options = new WhatsAppClientOptions { PhoneNumberId = phoneNumberId };
if (Environment.GetEnvironmentVariable("WHATSAPP_BASE_URL") is { Length: > 0 } baseUrl)
{
    options.BaseAddress = new Uri(baseUrl);
}

using var client = new WhatsAppClient(options, new EnvironmentSecretProvider());
try
{
    var text = await client.Messages.SendAsync(new TextMessage(to, "Your order #1234 has shipped."));
    Console.WriteLine($"text sent:        {text}");

    var template = await client.Messages.SendAsync(new TemplateMessage(
        to,
        Environment.GetEnvironmentVariable("WHATSAPP_TEMPLATE") ?? "hello_world",
        "en_US"));
    Console.WriteLine($"template sent:    {template}");

    var buttons = await client.Messages.SendAsync(new InteractiveButtonsMessage(
        to,
        "Can we deliver on Friday between 10:00 and 12:00?",
        [new ReplyButton("confirm", "Confirm"), new ReplyButton("reschedule", "Reschedule")])
    {
        Header = InteractiveHeader.FromText("Delivery slot"),
        Footer = "Reply STOP to opt out",
    });
    Console.WriteLine($"interactive sent: {buttons}");
    return 0;
}
catch (WhatsAppValidationException ex)
{
    Console.Error.WriteLine($"invalid message ({ex.Field}): {ex.Message}");
}
catch (WhatsAppApiException ex)
{
    // The message carries code, category and fbtrace_id; never the token or the raw body.
    Console.Error.WriteLine($"Cloud API error [{ex.Category}]: {ex.Message}");
}
catch (SecretProviderException ex)
{
    Console.Error.WriteLine($"secret '{ex.SecretName}' unavailable: {ex.Message}");
}

Console.Error.WriteLine($"(recipient {PiiMasker.MaskPhoneNumber(to)})");
return 1;

static string Require(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"Set the environment variable {name} (see the comment at the top of Program.cs).");
