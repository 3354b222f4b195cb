// SecureWa.Sdk webhook receiver: an ASP.NET Core minimal API that answers Meta's subscription handshake and accepts
// only webhooks whose X-Hub-Signature-256 verifies against the app secret.
//
//   WHATSAPP_APP_SECRET=... WHATSAPP_WEBHOOK_VERIFY_TOKEN=... dotnet run --project samples/WebhookReceiver --urls http://127.0.0.1:5080
//
// Point Meta's webhook configuration at https://<your host>/webhooks/whatsapp (Meta requires a publicly trusted
// certificate, so put a TLS-terminating proxy or tunnel in front of this sample).
var app = WebhookReceiver.ReceiverApp.Build(args);
app.Run();
