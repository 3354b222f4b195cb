using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.IntegrationTests.Webhooks;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Alerts;

/// <summary>The webhook endpoint on real Kestrel reports rejected signatures to the security detectors.</summary>
public sealed class WebhookSignatureAlertTests
{
    private const string Body = """{"object":"whatsapp_business_account","entry":[]}""";

    [Fact]
    public async Task Post_BurstOfForgedSignatures_RaisesOneCriticalAlert()
    {
        var sink = new Sink();
        await using var server = await WebhookServer.StartAsync(configureServices: services =>
            services.AddSecureWaSecurityAlerts(o => o.WebhookSignatureRejections = new BurstAlertRule(3, TimeSpan.FromMinutes(5))).AddSecurityAlertSink(sink));

        using (var valid = await server.Client.SendAsync(Post(WebhookSignatureVerifier.ComputeSignatureHeader(new SecureWa.Sdk.Secrets.SecretValue(WebhookServer.AppSecret), Encoding.UTF8.GetBytes(Body)))))
        {
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var forged = await server.Client.SendAsync(Post("sha256=" + new string('a', 64)));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.Empty(sink.Alerts);
        for (var i = 0; i < 5; i++)
        {
            using var forged = await server.Client.SendAsync(Post(i % 2 == 0 ? null : "sha256=zz"));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(SecurityAlertKind.WebhookSignatureRejectionBurst, alert.Kind);
        Assert.Equal(SecurityAlertSeverity.Critical, alert.Severity);
        Assert.Equal("webhooks", alert.Subject);
        Assert.Equal(3, alert.ObservedValue);
        Assert.Equal(3, alert.Threshold);
        Assert.DoesNotContain(WebhookServer.AppSecret, alert.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignatureVerifier.SignatureHeaderName, signature);
        }

        return request;
    }

    private sealed class Sink : ISecurityAlertSink
    {
        public ConcurrentQueue<SecurityAlert> Alerts { get; } = new();

        public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
        {
            Alerts.Enqueue(alert);
            return ValueTask.CompletedTask;
        }
    }
}
