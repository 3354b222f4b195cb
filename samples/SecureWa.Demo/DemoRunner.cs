using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Demo;

/// <summary>Runs the demo and checks every step's outcome.</summary>
public static class DemoRunner
{
    private const string PhoneNumberId = "106540352242922";
    private const string Customer = "+16505551234";

    /// <summary>Runs the demo, writing a few readable lines to <paramref name="output"/>.</summary>
    /// <returns>0 when every step behaved as described, 1 otherwise.</returns>
    public static async Task<int> RunAsync(TextWriter output)
    {
        var failures = 0;
        void Line(bool ok, string text)
        {
            if (!ok)
            {
                failures++;
            }

            output.WriteLine($"{(ok ? "  ok  " : " FAIL ")} {text}");
        }

        output.WriteLine("SecureWa.Sdk demo: the full secure pipeline against a local Cloud API stand-in (no Meta account needed).");
        if (Environment.GetEnvironmentVariable("WHATSAPP_ACCESS_TOKEN") is { Length: > 0 })
        {
            output.WriteLine("       WHATSAPP_* is set: `dotnet run --project samples/QuickStart` sends to the real Cloud API.");
        }

        // 1. TLS: a private CA and a server certificate for 127.0.0.1, generated now; the client trusts and pins the CA.
        using var ca = TestCertificates.CreateCertificateAuthority("SecureWa Demo CA");
        using var serverCertificate = TestCertificates.IssueServerCertificate(ca, rsa: true);
        var caPin = TestCertificates.ComputeSpkiPin(ca);

        // 2. The Cloud API stand-in over HTTPS.
        await using var wireMock = await WireMockServer.StartAsync(new WireMockServerOptions { HttpsCertificate = serverCertificate });
        await CloudApiStubs.StubSendAcceptedAsync(wireMock.Admin, PhoneNumberId, Customer, "text", "template", "interactive");
        Line(true, $"Cloud API stand-in: WireMock.Net {typeof(WireMock.Server.WireMockServer).Assembly.GetName().Version?.ToString(3)} in this process on {wireMock.HttpsBaseUri} with a certificate from a CA generated just now");

        // 3. Secrets in files (mode 0600), as a Kubernetes or Docker secret mount provides them; never printed.
        var secretDirectory = Directory.CreateTempSubdirectory("securewa-demo-secrets-");
        try
        {
            var token = "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            var appSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            WriteSecret(secretDirectory.FullName, SecretNames.AccessToken, token);
            WriteSecret(secretDirectory.FullName, SecretNames.AppSecret, appSecret);
            WriteSecret(secretDirectory.FullName, SecretNames.WebhookVerifyToken, "verify-" + Guid.NewGuid().ToString("N"));
            var secrets = new CachingSecretProvider(new FileSecretProvider(secretDirectory.FullName));
            Line(true, $"secrets: access token and app secret read from files in {secretDirectory.FullName} (0600) through the caching provider");

            // 4. Sends through the full pipeline: TLS 1.2+ with the CA pinned, bearer + appsecret_proof, rate limits, resilience.
            var options = new WhatsAppClientOptions { BaseAddress = wireMock.HttpsBaseUri!, PhoneNumberId = PhoneNumberId, UseAppSecretProof = true };
            options.Transport.AddTrustAnchor(ca);
            options.Transport.SpkiPins.Add(caPin);
            options.RateLimiting.PhoneNumberPermitsPerSecond = 4;
            options.RateLimiting.PhoneNumberBurst = 1;
            options.RateLimiting.RecipientBurst = 20;
            using (var client = new WhatsAppClient(options, secrets))
            {
                var text = await client.Messages.SendAsync(new TextMessage(Customer, "Your order #1234 has shipped."));
                Line(text.MessageId == "wamid.stub-text", $"text sent over TLS with the CA's SPKI pinned: {text}");
                var template = await client.Messages.SendAsync(new TemplateMessage(Customer, "order_shipped", "en_US")
                {
                    Components = [TemplateComponent.Body(TemplateParameter.Text("Ana"), TemplateParameter.Currency("$100.99", "USD", 100990))],
                });
                Line(template.MessageId == "wamid.stub-template", $"template sent: {template}");
                var buttons = await client.Messages.SendAsync(new InteractiveButtonsMessage(Customer, "Deliver on Friday 10:00-12:00?", [new ReplyButton("yes", "Yes"), new ReplyButton("later", "Another day")]));
                Line(buttons.MessageId == "wamid.stub-interactive", $"interactive sent: {buttons}");

                var invalid = await Record(() => client.Messages.SendAsync(new TextMessage(Customer, new string('x', 4097))));
                Line(invalid is WhatsAppValidationException { Field: "text.body", Limit: 4096 }, $"a 4097-character text was refused before any request: {invalid?.GetType().Name} ({(invalid as WhatsAppValidationException)?.Field})");

                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < 6; i++)
                {
                    await client.Messages.SendAsync(new TextMessage(Customer, $"Update {i + 1} of 6"));
                }

                stopwatch.Stop();
                Line(stopwatch.Elapsed >= TimeSpan.FromSeconds(1), $"rate limiter: 6 sends at 4/s (burst 1) took {stopwatch.Elapsed.TotalSeconds:0.0} s, paced on the client; the server never throttled");
            }

            var sends = (await wireMock.Admin.GetRequestsAsync()).Where(r => r.Method == "POST").ToList();
            var expectedProof = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
            var allAuthenticated = sends.Count == 9 && sends.All(r =>
                r.Header("Authorization") == "Bearer " + token
                && r.QueryParams.TryGetValue("appsecret_proof", out var proof) && proof.Count == 1 && proof[0] == expectedProof
                && !r.Url.Contains(token, StringComparison.Ordinal));
            Line(allAuthenticated, $"WireMock journal: {sends.Count} sends, each with the bearer token and a correct appsecret_proof; no token in any URL");

            // 5. A client that pins another key refuses the same server before sending anything.
            var wrongPin = new WhatsAppClientOptions { BaseAddress = wireMock.HttpsBaseUri!, PhoneNumberId = PhoneNumberId };
            wrongPin.Transport.AddTrustAnchor(ca);
            wrongPin.Transport.SpkiPins.Add(Convert.ToBase64String(SHA256.HashData(RandomNumberGenerator.GetBytes(32))));
            using (var pinned = new WhatsAppClient(wrongPin, secrets))
            {
                var refused = await Record(() => pinned.Messages.SendAsync(new TextMessage(Customer, "never sent")));
                var stillNine = (await wireMock.Admin.GetRequestsAsync()).Count(r => r.Method == "POST") == 9;
                Line(refused is WhatsAppTransportSecurityException { Failure: WhatsAppTransportSecurityFailure.PinMismatch } && stillNine, $"a client pinning another key refused the server: {refused?.GetType().Name}; nothing was sent");
            }

            // 6. Webhooks: the receiver sample, hosted here on loopback, with the same secret provider.
            var received = new List<WebhookNotification>();
            await using var receiver = WebhookReceiver.ReceiverApp.Build(
                ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
                services => services.AddSingleton<ISecretProvider>(secrets),
                notification => { lock (received) { received.Add(notification); } });
            await receiver.StartAsync();
            var address = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var webhookUri = new Uri(new Uri(address), WebhookReceiver.ReceiverApp.Route);
            using var http = new HttpClient();

            var verifyToken = (await secrets.GetSecretAsync(SecretNames.WebhookVerifyToken)).Reveal();
            var challenge = await http.GetAsync(new Uri(webhookUri + $"?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge=1158201444"));
            Line(challenge.StatusCode == HttpStatusCode.OK && await challenge.Content.ReadAsStringAsync() == "1158201444", $"webhook handshake answered: HTTP {(int)challenge.StatusCode}, challenge echoed");

            var body = Encoding.UTF8.GetBytes(DeliveredWebhook(PhoneNumberId, Customer));
            var signed = await PostAsync(http, webhookUri, body, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(appSecret), body));
            var status = received.SelectMany(n => n.AllStatuses).FirstOrDefault();
            var message = received.SelectMany(n => n.AllMessages).FirstOrDefault();
            Line(signed == HttpStatusCode.OK && status?.Id == "wamid.stub-text" && message?.Text?.Body == "Thanks!",
                $"signed webhook accepted (HTTP {(int)signed}): {status?.Status} for {status?.Id} to {PiiMasker.MaskPhoneNumber(status?.RecipientId)}, reply \"{message?.Text?.Body}\" from {PiiMasker.MaskPhoneNumber(message?.From)}");

            var forged = await PostAsync(http, webhookUri, body, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue("not-the-app-secret"), body));
            var replay = await PostAsync(http, webhookUri, body, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(appSecret), body));
            Line(forged == HttpStatusCode.Unauthorized && received.Count == 1, $"forged webhook rejected (HTTP {(int)forged}) before parsing; the handler never saw it");
            Line(replay == HttpStatusCode.OK && received.Count == 1, $"redelivered webhook acknowledged (HTTP {(int)replay}) and dropped as a replay");
            await receiver.StopAsync();
        }
        finally
        {
            secretDirectory.Delete(recursive: true);
        }

        output.WriteLine(failures == 0
            ? "demo finished: every step behaved as described."
            : $"demo finished with {failures} failed step(s).");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri uri, byte[] body, string signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static void WriteSecret(string directory, string name, string value)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    // Shaped like Meta's documented notifications: a "delivered" status for the text sent above and the customer's reply.
    private static string DeliveredWebhook(string phoneNumberId, string customer)
    {
        var waId = customer.TrimStart('+');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"8856996819413533","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"16505553333","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Ana"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"wamid.reply-1","timestamp":"{{{now}}}","type":"text","text":{"body":"Thanks!"},"context":{"from":"16505553333","id":"wamid.stub-text"}}],"statuses":[{"id":"wamid.stub-text","status":"delivered","timestamp":"{{{now}}}","recipient_id":"{{{waId}}}","conversation":{"id":"CONVERSATION_ID","origin":{"type":"utility"}},"pricing":{"billable":true,"pricing_model":"CBP","category":"utility"}}]},"field":"messages"}]}]}
            """;
    }
}
