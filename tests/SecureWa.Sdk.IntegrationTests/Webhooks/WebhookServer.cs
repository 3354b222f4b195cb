using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

/// <summary>A real Kestrel server on 127.0.0.1 (port 0) hosting the webhook endpoint, and an HttpClient for it.</summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    public const string AppSecret = "integration-app-secret-0123456789";
    public const string VerifyToken = "integration-verify-token";
    public const string Path = "/webhooks/whatsapp";

    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, InMemorySecretProvider secrets, HttpClient client)
    {
        _app = app;
        Secrets = secrets;
        Client = client;
    }

    public InMemorySecretProvider Secrets { get; }

    public HttpClient Client { get; }

    public ConcurrentQueue<WebhookNotification> Received { get; } = new();

    public Func<WebhookNotification, Task>? OnNotification { get; set; }

    public static async Task<WebhookServer> StartAsync(Action<WhatsAppWebhookOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AppSecret, AppSecret);
        secrets.Set(SecretNames.WebhookVerifyToken, VerifyToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISecretProvider>(secrets);
        builder.Services.AddSecureWaWebhooks(options => configure?.Invoke(options));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        WebhookServer? server = null;
        app.MapWhatsAppWebhook(Path, async (notification, cancellationToken) =>
        {
            server!.Received.Enqueue(notification);
            if (server.OnNotification is { } callback)
            {
                await callback(notification);
            }
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        server = new WebhookServer(app, secrets, client);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
