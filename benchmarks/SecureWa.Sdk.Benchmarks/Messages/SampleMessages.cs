using System.Text.Json.Nodes;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.Benchmarks.Messages;

/// <summary>Realistic messages of each kind, as an application would build them (deterministic).</summary>
public static class SampleMessages
{
    public const string To = "+16505551234";

    public static WhatsAppMessage Create(MessageKind kind) => kind switch
    {
        MessageKind.Text => new TextMessage(To, "Your order #1234 has shipped and will arrive on Thursday. Track it at https://example.com/track/1234")
        {
            PreviewUrl = true,
        },
        MessageKind.Template => new TemplateMessage(To, "order_update", "en_US")
        {
            Components =
            [
                TemplateComponent.Header(TemplateParameter.Image(MediaSource.FromLink("https://cdn.example.com/banner.png"))),
                TemplateComponent.Body(
                    TemplateParameter.Text("Ana"),
                    TemplateParameter.Text("#1234"),
                    TemplateParameter.Currency("$100.99", "USD", 100990),
                    TemplateParameter.DateTime("February 25, 2026")),
                TemplateComponent.QuickReplyButton(0, "STOP_PROMOS"),
                TemplateComponent.UrlButton(1, "orders/1234"),
            ],
        },
        MessageKind.ImageLink => new ImageMessage(To, MediaSource.FromLink("https://cdn.example.com/products/1234/front.jpg"))
        {
            Caption = "Your new sneakers, size 42",
        },
        MessageKind.Location => new LocationMessage(To, 37.4847483695049, -122.1473373086664)
        {
            Name = "Philz Coffee",
            Address = "101 Forest Ave, Palo Alto, CA 94301",
        },
        MessageKind.Contacts => new ContactsMessage(To,
        [
            new ContactCard(new ContactName("Ana Silva") { FirstName = "Ana", LastName = "Silva" })
            {
                Phones = [new ContactPhone("+1 (650) 555-1234") { Type = "WORK", WaId = "16505551234" }],
                Emails = [new ContactEmail("ana@example.com") { Type = "WORK" }],
                Organization = new ContactOrganization { Company = "Lucky Shrimp", Title = "Manager" },
            },
        ]),
        MessageKind.Buttons => new InteractiveButtonsMessage(To, "Would you like to confirm your appointment on Tuesday at 10:00?",
        [
            new ReplyButton("confirm", "Confirm"),
            new ReplyButton("reschedule", "Reschedule"),
            new ReplyButton("cancel", "Cancel"),
        ])
        {
            Header = InteractiveHeader.FromText("Appointment"),
            Footer = "Lucky Shrimp Clinic",
        },
        MessageKind.List => new InteractiveListMessage(To, "Which tour would you like to book?", "See tours",
        [
            new ListSection("Morning", [
                new ListRow("tour-1", "Harbour walk") { Description = "9:00, 2 hours" },
                new ListRow("tour-2", "Market tour") { Description = "10:00, 90 minutes" },
            ]),
            new ListSection("Afternoon", [
                new ListRow("tour-3", "Boat trip") { Description = "14:00, 3 hours" },
                new ListRow("tour-4", "Food tasting") { Description = "16:00, 2 hours" },
            ]),
        ])
        {
            Header = InteractiveHeader.FromText("Tours"),
            Footer = "Prices include taxes",
        },
        MessageKind.CtaUrl => new InteractiveCtaUrlMessage(To, "Tap to see available dates.", "See Dates", new Uri("https://www.luckyshrimp.com/tours?ref=wa"))
        {
            Header = InteractiveHeader.FromText("Available dates"),
            Footer = "Dates subject to change.",
        },
        MessageKind.Flow => new InteractiveFlowMessage(To, "Book your appointment", "Book now")
        {
            Header = InteractiveHeader.FromText("Booking"),
            Footer = "Takes 1 minute",
            FlowId = "1197715005513101",
            FlowToken = "session-42",
            Action = FlowAction.Navigate,
            Screen = "BOOKING",
            Data = new JsonObject { ["clinic"] = "north", ["slots"] = new JsonArray(1, 2) },
        },
        MessageKind.Reaction => new ReactionMessage(To, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", "\U0001F44D"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
