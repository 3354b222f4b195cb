// SecureWa.Sdk quick start: sends a template, then a text and an interactive message.
//
// The template goes first: to a recipient who has not written to the business in the last 24 hours, Meta accepts
// only templates (a free-form text is refused with error 131047). Once the customer replies, the window is open.
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
    var template = await client.Messages.SendAsync(new TemplateMessage(
        to,
        Environment.GetEnvironmentVariable("WHATSAPP_TEMPLATE") ?? "hello_world",
        "en_US"));
    Console.WriteLine($"template sent:    {template}");

    // Free-form messages: delivered within the 24-hour customer service window (after the customer wrote to you).
    try
    {
        var text = await client.Messages.SendAsync(new TextMessage(to, "Your order #1234 has shipped."));
        Console.WriteLine($"text sent:        {text}");
    }
    catch (WhatsAppApiException ex) when (ex.Category == WhatsAppErrorCategory.OutsideCustomerServiceWindow)
    {
        Console.WriteLine("text not sent:    outside the 24-hour window (131047); reply to the template on the phone, then run again.");
        return 0;
    }

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
