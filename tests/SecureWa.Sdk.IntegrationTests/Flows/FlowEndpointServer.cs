using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Flows;

/// <summary>A real Kestrel server on 127.0.0.1 (port 0) hosting a flow endpoint, playing Meta's side with its own crypto.</summary>
internal sealed class FlowEndpointServer : IAsyncDisposable
{
    public const string AppSecret = "flows-integration-app-secret-0123456789";
    public const string Path = "/flows";

    private readonly WebApplication _app;

    private FlowEndpointServer(WebApplication app, InMemorySecretProvider secrets, HttpClient client, RSA key, CapturingLoggerProvider logs)
    {
        _app = app;
        Secrets = secrets;
        Client = client;
        BusinessKey = key;
        Logs = logs;
    }

    public InMemorySecretProvider Secrets { get; }

    public HttpClient Client { get; }

    public RSA BusinessKey { get; }

    public CapturingLoggerProvider Logs { get; }

    public ConcurrentQueue<(FlowRequestAction Action, string? Screen, string? Data, string? Token, string? Version, bool IsError)> Received { get; } = new();

    public Func<WhatsAppFlowRequest, WhatsAppFlowResponse>? Respond { get; set; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FlowEndpointServer> StartAsync(Action<WhatsAppFlowEndpointOptions>? configure = null, string? passphrase = null)
    {
        var key = RSA.Create(2048);
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AppSecret, AppSecret);
        if (passphrase is null)
        {
            secrets.Set(FlowSecretNames.PrivateKey, key.ExportPkcs8PrivateKeyPem());
        }
        else
        {
            var encrypted = key.ExportEncryptedPkcs8PrivateKey(passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));
            secrets.Set(FlowSecretNames.PrivateKey, PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", encrypted));
            secrets.Set(FlowSecretNames.PrivateKeyPassphrase, passphrase);
        }

        secrets.Set(FlowSecretNames.FlowTokenKey, "flows-integration-token-key-0123456789abcdef");

        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<ISecretProvider>(secrets);
        builder.Services.AddSecureWaFlows(options => configure?.Invoke(options));

        var app = builder.Build();
        FlowEndpointServer? server = null;
        app.MapWhatsAppFlowEndpoint(Path, (request, cancellationToken) =>
        {
            server!.Received.Enqueue((request.Action, request.Screen, request.Data?.GetRawText(), request.FlowToken, request.Version, request.IsErrorNotification));
            var respond = server.Respond ?? (static r => WhatsAppFlowResponse.NavigateTo("NEXT"));
            return ValueTask.FromResult(respond(request));
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        server = new FlowEndpointServer(app, secrets, client, key, logs);
        return server;
    }

    /// <summary>Posts <paramref name="body"/> signed with the app secret (or the given header).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (sign)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, signature ?? WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(AppSecret), bytes));
        }

        return await Client.SendAsync(request);
    }

    public MetaFlowCrypto NewMeta(int ivLength = 16) => new(BusinessKey, ivLength);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        BusinessKey.Dispose();
    }
}
