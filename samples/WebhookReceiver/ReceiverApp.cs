using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Webhooks;

namespace WebhookReceiver;

/// <summary>Builds the receiver; the one-command demo hosts the same app in-process.</summary>
public static class ReceiverApp
{
    /// <summary>The route Meta posts to.</summary>
    public const string Route = "/webhooks/whatsapp";

    /// <summary>
    /// Builds the web application. <paramref name="configureServices"/> may register an <c>ISecretProvider</c>
    /// (the default reads <c>WHATSAPP_APP_SECRET</c> and <c>WHATSAPP_WEBHOOK_VERIFY_TOKEN</c>);
    /// <paramref name="onNotification"/> sees every verified, parsed, non-replayed notification.
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null, Action<WebhookNotification>? onNotification = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Meta's handshake puts hub.verify_token in the query string, which ASP.NET Core's request logging
        // (Microsoft.AspNetCore.Hosting.Diagnostics, Information) writes. AddSecureWaWebhooks raises that category to
        // Warning unless configured otherwise (appsettings.json sets it too); a reverse proxy's access log is yours to scrub.
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSecureWaWebhooks(builder.Configuration.GetSection("WhatsApp:Webhooks"));

        var app = builder.Build();
        var log = app.Logger;
        app.MapWhatsAppWebhook(Route, (notification, cancellationToken) =>
        {
            // Keep this short: Meta expects a 200 within seconds. Store or enqueue, then return.
            foreach (var message in notification.AllMessages)
            {
                log.LogInformation("Message {Type} {Id} from {From}", message.Type, message.Id, PiiMasker.MaskPhoneNumber(message.From));
            }

            foreach (var status in notification.AllStatuses)
            {
                log.LogInformation("Status {Status} for {Id} to {Recipient}", status.Status, status.Id, PiiMasker.MaskPhoneNumber(status.RecipientId));
            }

            onNotification?.Invoke(notification);
            return Task.CompletedTask;
        });
        return app;
    }
}
