using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.IntegrationTests.Webhooks;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sqlite;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>Verified webhook receipts reach the audit trail (real Kestrel endpoint, real SQLite file), pseudonymized.</summary>
public sealed class WebhookReceiptAuditTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securewa-receipts-" + Guid.NewGuid().ToString("N"));

    public WebhookReceiptAuditTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task SignedMessageAndStatus_AreRecordedAsWebhookReceipts_WithoutTheNumber()
    {
        // The endpoint's secrets and the audit's, in one provider (registered last, so it is the one resolved).
        var secrets = new AuditTestSecrets().Provider;
        secrets.Set(SecretNames.AppSecret, WebhookServer.AppSecret);
        secrets.Set(SecretNames.WebhookVerifyToken, WebhookServer.VerifyToken);
        var database = Path.Combine(_directory, "audit.db");
        await using var server = await WebhookServer.StartAsync(configureServices: services =>
        {
            services.AddSingleton<ISecretProvider>(secrets);
            services.AddSecureWaAudit().UseSqlite(database);
        });
        var seconds = WebhookServer.PayloadDay.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"wamid.RECEIPT-IN","timestamp":"{{{seconds}}}","type":"text","text":{"body":"hi"}}],"statuses":[{"id":"wamid.RECEIPT-OUT","status":"delivered","timestamp":"{{{seconds}}}","recipient_id":"16505551234"}]},"field":"messages"}]}]}
            """);

        using var response = await server.Client.SendAsync(WebhookEndpointRobustnessTests.SignedPost(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trail = server.Services.GetRequiredService<IAuditTrail>();
        var records = (await trail.QueryAsync(new AuditQuery { RecordClass = AuditRecordClass.Webhook })).Records;
        Assert.Equal(["webhooks.message", "webhooks.status"], records.Select(static r => r.Operation));
        Assert.Equal(["wamid.RECEIPT-IN", "wamid.RECEIPT-OUT"], records.Select(static r => r.MessageId));
        Assert.All(records, r => Assert.Equal("+*******1234", r.SubjectMasked));
        Assert.Equal(records[0].SubjectPseudonym, await trail.PseudonymizeAsync("+16505551234"));
        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.DoesNotContain(records, r => r.SubjectPseudonym!.Contains("6505551234", StringComparison.Ordinal));
    }
}
