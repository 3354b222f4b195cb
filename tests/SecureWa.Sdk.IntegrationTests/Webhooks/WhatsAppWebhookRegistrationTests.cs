using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WhatsAppWebhookRegistrationTests
{
    private const string Status = """
        {"object":"whatsapp_business_account","entry":[{"id":"8856996819413533","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"16505553333","phone_number_id":"27681414235104944"},"statuses":[{"id":"wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo","status":"sent","timestamp":"1603086313","recipient_id":"16315551234"}]},"field":"messages"}]}]}
        """;

    [Fact]
    public async Task MapWhatsAppWebhook_HandlerFromDi_ReceivesNotification()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AppSecret, "di-secret"), new(SecretNames.WebhookVerifyToken, "t")]));
        builder.Services.AddSingleton<RecordingHandler>();
        builder.Services.AddScoped<IWhatsAppWebhookHandler>(static sp => sp.GetRequiredService<RecordingHandler>());
        builder.Services.AddSecureWaWebhooks();
        await using var app = builder.Build();
        app.MapWhatsAppWebhook("/hook");
        await app.StartAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, await PostSignedStatusAsync(app, "di-secret"));
            var status = Assert.Single(Assert.Single(app.Services.GetRequiredService<RecordingHandler>().Received).AllStatuses);
            Assert.Equal(WebhookStatusKind.Sent, status.Kind);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task AddSecureWaWebhooks_BeforeAddSecureWa_UsesTheProvidersConfiguredThere()
    {
        // Registration order must not matter: the webhook endpoint uses the SDK's configured provider chain.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSecureWaWebhooks();
        builder.Services.AddSecureWa(o => o.PhoneNumberId = "106540352242922")
            .AddSecretProvider(new InMemorySecretProvider([new(SecretNames.AccessToken, "token"), new(SecretNames.AppSecret, "configured-secret"), new(SecretNames.WebhookVerifyToken, "t")]));
        var received = new List<WebhookNotification>();
        await using var app = builder.Build();
        app.MapWhatsAppWebhook("/hook", (notification, _) =>
        {
            received.Add(notification);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, await PostSignedStatusAsync(app, "configured-secret"));
            Assert.Single(received);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Posts the <see cref="Status"/> notification to <c>/hook</c> of the started app, signed with <paramref name="appSecret"/>.</summary>
    private static async Task<HttpStatusCode> PostSignedStatusAsync(WebApplication app, string appSecret)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        // A current timestamp: notifications older than the replay window are dropped as stale.
        var body = Encoding.UTF8.GetBytes(Status.Replace("1603086313", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hook") { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(appSecret), body));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task MapWhatsAppWebhook_WithoutAddSecureWaWebhooks_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();
        var ex = Assert.Throws<InvalidOperationException>(() => app.MapWhatsAppWebhook("/hook", static (_, _) => Task.CompletedTask));
        Assert.Contains("AddSecureWaWebhooks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecureWaWebhooks_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddSecureWaWebhooks(static o =>
        {
            o.MaxBodySize = 0;
            o.ReplayWindow = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WhatsAppWebhookOptions>>().Value);
        Assert.Contains(ex.Failures, static f => f.Contains(nameof(WhatsAppWebhookOptions.MaxBodySize), StringComparison.Ordinal));
        Assert.Contains(ex.Failures, static f => f.Contains(nameof(WhatsAppWebhookOptions.ReplayWindow), StringComparison.Ordinal));
    }

    private sealed class RecordingHandler : IWhatsAppWebhookHandler
    {
        public List<WebhookNotification> Received { get; } = [];

        public Task HandleAsync(WebhookNotification notification, CancellationToken cancellationToken = default)
        {
            lock (Received)
            {
                Received.Add(notification);
            }

            return Task.CompletedTask;
        }
    }
}
