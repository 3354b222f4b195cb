using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Diagnostics;

public sealed class OpenTelemetrySetupTests
{
    /// <summary>A loopback Graph stand-in answering every request with a send result.</summary>
    private static async Task ServeAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        const string body = """{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.OTEL"}]}""";
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[16 * 1024], cancellationToken);
                await stream.WriteAsync(response, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    [Fact]
    public async Task ReadmeSetup_WebAppSendingAMessage_ExportsTheSdkSpanUnderTheRequestSpan()
    {
        using var graph = new TcpListener(IPAddress.Loopback, 0);
        graph.Start();
        using var stop = new CancellationTokenSource();
        var serving = ServeAsync(graph, stop.Token);
        var exported = new List<Activity>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Like a default web app, something logs: ASP.NET Core then creates a request activity even when no tracer
        // samples it, and that unsampled parent is what hid the SDK's spans.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SecureWa.Sdk.IntegrationTests.Http.CapturingLoggerProvider());

        // The setup README shows: the request's own source ("Microsoft.AspNetCore") must be sampled too, or the SDK's
        // span is a child of an unsampled parent and the default parent-based sampler drops it.
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource("Microsoft.AspNetCore")
            .AddSource(SecureWaDiagnostics.ActivitySourceName)
            .AddInMemoryExporter(exported));

        builder.Services.AddSecureWa(o =>
        {
            o.PhoneNumberId = "106540352242922";
            o.BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)graph.LocalEndpoint).Port}/");
        }).AddSecretProvider(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-otel-token")]));

        await using var app = builder.Build();
        app.MapPost("/notify", static async (WhatsAppClient client, CancellationToken cancellationToken) =>
        {
            var sent = await client.Messages.SendAsync(new TextMessage("+16505551234", "Your order has shipped."), cancellationToken: cancellationToken);
            return Results.Text(sent.MessageId);
        });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.PostAsync("/notify", content: null);
            Assert.Equal("wamid.OTEL", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
            await stop.CancelAsync();
            graph.Stop();
            await serving;
        }

        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        lock (exported)
        {
            // Other test classes run in parallel in this process and have spans of their own: this test's send is the one
            // "WhatsApp SendMessage" span, and its request span is the ASP.NET Core span of the same trace.
            var requests = exported.Where(static a => a.Source.Name == "Microsoft.AspNetCore").ToList();
            var sdk = Assert.Single(exported, a => a.Source.Name == SecureWaDiagnostics.ActivitySourceName && a.DisplayName == "WhatsApp SendMessage" && requests.Any(r => r.SpanId == a.ParentSpanId));
            var request = Assert.Single(requests, r => r.SpanId == sdk.ParentSpanId);
            Assert.Equal(request.TraceId, sdk.TraceId);
            Assert.True(sdk.Recorded);
            Assert.DoesNotContain(sdk.TagObjects, static t => t.Value?.ToString()?.Contains("6505551234", StringComparison.Ordinal) == true);
        }
    }
}
