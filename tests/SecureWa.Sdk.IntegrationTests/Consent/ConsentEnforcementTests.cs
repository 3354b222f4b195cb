using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Consent;

/// <summary>
/// The consent policy end to end: a real <see cref="WhatsAppClient"/> against WireMock and the real webhook endpoint on
/// Kestrel, in one host with a fake clock. Every refusal leaves WireMock's journal empty.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class ConsentEnforcementTests(WireMockFixture fixture) : WireMockTestBase(fixture), IAsyncDisposable
{
    private const string PhoneNumberId = "106540352242922";
    private const string Recipient = "16505551234";
    private const string AppSecret = "consent-app-secret-7d2b9e";
    private const string Pepper = "consent-pepper-a81f03c6";
    private const string WebhookPath = "/webhooks/whatsapp";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<Exception> _exceptions = [];
    private WebApplication? _app;
    private HttpClient? _webhookClient;

    [Fact]
    public async Task MarketingTemplate_NoConsent_RefusedNothingSent()
    {
        var client = await StartAsync();
        await StubSendAsync();

        var ex = await RefusedAsync(() => client.Messages.SendAsync(Marketing()));

        Assert.Equal(ConsentRefusalReason.NoConsent, ex.Reason);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task MarketingTemplate_PendingDoubleOptIn_RefusedUntilConfirmed()
    {
        var client = await StartAsync();
        await StubSendAsync();
        var consent = Services.GetRequiredService<ConsentClient>();
        await consent.RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm, "form-9", requireConfirmation: true);

        var ex = await RefusedAsync(() => client.Messages.SendAsync(Marketing()));
        Assert.Equal(ConsentRefusalReason.PendingConfirmation, ex.Reason);
        Assert.Empty(await Admin.GetRequestsAsync());

        Assert.True(await consent.ConfirmOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WhatsAppReply, "wamid.YES"));
        await client.Messages.SendAsync(Marketing());
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task MarketingTemplate_AfterOptOutByApi_RefusedNothingSent()
    {
        var client = await StartAsync();
        await StubSendAsync();
        var consent = Services.GetRequiredService<ConsentClient>();
        await consent.RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await consent.RecordOptOutAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.Api, "ticket-77");

        var ex = await RefusedAsync(() => client.Messages.SendAsync(Marketing()));

        Assert.Equal(ConsentRefusalReason.OptedOut, ex.Reason);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task MarketingTemplate_AfterSignedStopWebhook_RefusedAndOptOutRecordedBeforeTheHandler()
    {
        var client = await StartAsync();
        await StubSendAsync();
        var consent = Services.GetRequiredService<ConsentClient>();
        await consent.RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm);
        _clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await PostSignedAsync(InboundText("  Stop! "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ConsentStatus.OptedOut, Assert.Single(_statusSeenByHandler));
        var ex = await RefusedAsync(() => client.Messages.SendAsync(Marketing()));
        Assert.Equal(ConsentRefusalReason.OptedOut, ex.Reason);
        Assert.Empty(await Admin.GetRequestsAsync());
        var record = (await consent.GetHistoryAsync(Recipient))[^1];
        Assert.Equal(ConsentSources.WhatsAppKeyword, record.Source);
    }

    [Fact]
    public async Task SignedStopWebhook_ConfirmationOn_RepliesOnceWithTheConfiguredText()
    {
        await StartAsync(o =>
        {
            o.SendOptOutConfirmation = true;
            o.OptOutConfirmationText = "Done: no more messages from us.";
        });
        await StubSendAsync();

        using var response = await PostSignedAsync(InboundText("PARAR"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Contains("Done: no more messages from us.", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"text\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedStopWebhook_ConfirmationOff_SendsNothing()
    {
        await StartAsync();
        await StubSendAsync();

        using var response = await PostSignedAsync(InboundText("STOP"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task SignedWebhook_ObserverFails_Returns500HandlerSkipped_RedeliveryProcessed()
    {
        var flaky = new FlakyObserver();
        await StartAsync(services: s => s.AddSingleton<IWebhookNotificationObserver>(flaky));
        var body = InboundText("STOP");

        using (var first = await PostSignedAsync(body))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Empty(_statusSeenByHandler);
        using (var redelivered = await PostSignedAsync(body))
        {
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Equal(2, flaky.Calls);
        Assert.Equal(ConsentStatus.OptedOut, Assert.Single(_statusSeenByHandler));
    }

    [Fact]
    public async Task SignedSentenceContainingStop_IsNotAnOptOut()
    {
        var client = await StartAsync();
        var consent = Services.GetRequiredService<ConsentClient>();
        await consent.RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm);
        await StubSendAsync();

        using var response = await PostSignedAsync(InboundText("please stop sending me stuff"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await client.Messages.SendAsync(Marketing());
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task FreeForm_WithinTheWindow_Sent_After24Hours_RefusedNothingMoreSent()
    {
        var client = await StartAsync();
        await StubSendAsync();
        var text = new TextMessage(Recipient, "Your order is on its way");

        var closed = await RefusedAsync(() => client.Messages.SendAsync(text));
        Assert.Equal(ConsentRefusalReason.WindowClosed, closed.Reason);
        Assert.Empty(await Admin.GetRequestsAsync());

        using (var response = await PostSignedAsync(InboundText("Where is my order?")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await client.Messages.SendAsync(text);
        Assert.Single(await Admin.GetRequestsAsync());

        _clock.Advance(TimeSpan.FromHours(24));
        var expired = await RefusedAsync(() => client.Messages.SendAsync(text));
        Assert.Equal(ConsentRefusalReason.WindowClosed, expired.Reason);
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task MarketingTemplate_WithConsent_Sent()
    {
        var client = await StartAsync();
        await StubSendAsync();
        await Services.GetRequiredService<ConsentClient>().RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm, "form-1");

        var result = await client.Messages.SendAsync(Marketing());

        Assert.Equal("wamid.consented", result.MessageId);
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Refusals_LogsAndExceptions_NeverContainThePhoneNumberOrPepper()
    {
        var client = await StartAsync();
        var consent = Services.GetRequiredService<ConsentClient>();
        await RefusedAsync(() => client.Messages.SendAsync(Marketing()));
        await consent.RecordOptInAsync(Recipient, ConsentPurposes.Marketing, ConsentSources.WebForm, requireConfirmation: true);
        await RefusedAsync(() => client.Messages.SendAsync(Marketing()));
        using (await PostSignedAsync(InboundText("BAJA")))
        {
        }

        await RefusedAsync(() => client.Messages.SendAsync(Marketing()));
        _clock.Advance(TimeSpan.FromDays(2));
        await RefusedAsync(() => client.Messages.SendAsync(new TextMessage(Recipient, "hi")));
        using var export = new MemoryStream();
        await consent.ExportAsync(Recipient, export);

        var texts = _logs.Entries.Select(e => e.Text)
            .Concat(_exceptions.Select(e => e.ToString()))
            .Append(Encoding.UTF8.GetString(export.ToArray()))
            .ToList();
        Assert.Contains(texts, t => t.Contains("Consent refused", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Opt-out recorded", StringComparison.Ordinal));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("6505551234", t, StringComparison.Ordinal);
            Assert.DoesNotContain(Pepper, t, StringComparison.Ordinal);
        });
    }

    public override async Task DisposeAsync()
    {
        await DisposeAsyncCore();
        await base.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsyncCore();

    private readonly List<ConsentStatus> _statusSeenByHandler = [];

    private IServiceProvider Services => _app!.Services;

    private async Task DisposeAsyncCore()
    {
        _webhookClient?.Dispose();
        _webhookClient = null;
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private sealed class FlakyObserver : IWebhookNotificationObserver
    {
        public int Calls { get; private set; }

        public ValueTask OnVerifiedNotificationAsync(WebhookNotification notification, CancellationToken cancellationToken = default) =>
            ++Calls == 1 ? throw new InvalidOperationException("store unavailable") : default;
    }

    private static TemplateMessage Marketing() => new(Recipient, "spring_sale", "en_US") { Category = TemplateCategory.Marketing };

    private async Task<WhatsAppConsentException> RefusedAsync(Func<Task> send)
    {
        var ex = await Assert.ThrowsAsync<WhatsAppConsentException>(send);
        Assert.Equal(WhatsAppRequestState.NotSent, ex.RequestState);
        _exceptions.Add(ex);
        return ex;
    }

    private Task StubSendAsync() =>
        Admin.StubAsync(RequestPattern.For("POST", CloudApiStubs.MessagesPath(PhoneNumberId)), ResponseDefinition.Json(200, CloudApiStubs.SendResponse(Recipient, Recipient, "wamid.consented")));

    private async Task<WhatsAppClient> StartAsync(Action<ConsentOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, "EAAG-consent-token");
        secrets.Set(SecretNames.AppSecret, AppSecret);
        secrets.Set(SecretNames.WebhookVerifyToken, "consent-verify");
        secrets.Set("AuditPepper", Pepper);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSecureWaWebhooks();
        builder.Services.AddSecureWa(o =>
        {
            o.BaseAddress = WireMock.BaseUri;
            o.PhoneNumberId = PhoneNumberId;
            o.RateLimiting.RecipientBurst = 10_000;
        }).AddSecretProvider(secrets);
        builder.Services.AddSecureWaConsent(o => configure?.Invoke(o));
        services?.Invoke(builder.Services);

        _app = builder.Build();
        var app = _app;
        app.MapWhatsAppWebhook(WebhookPath, async (notification, cancellationToken) =>
        {
            // The opt-out must already be on file when the application's handler runs.
            var ledger = app.Services.GetRequiredService<IConsentLedger>();
            _statusSeenByHandler.Add((await ledger.GetStatusAsync(Recipient, ConsentPurposes.Marketing, cancellationToken)).Status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _webhookClient = new HttpClient { BaseAddress = new Uri(address) };
        return app.Services.GetRequiredService<WhatsAppClient>();
    }

    private string InboundText(string body) =>
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + PhoneNumberId + "\"},"
        + "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"" + Recipient + "\"}],"
        + "\"messages\":[{\"from\":\"" + Recipient + "\",\"id\":\"wamid.IN" + Guid.NewGuid().ToString("N") + "\",\"timestamp\":\"" + _clock.GetUtcNow().ToUnixTimeSeconds()
        + "\",\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}]},\"field\":\"messages\"}]}]}";

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(AppSecret), bytes));
        return await _webhookClient!.SendAsync(request);
    }
}
