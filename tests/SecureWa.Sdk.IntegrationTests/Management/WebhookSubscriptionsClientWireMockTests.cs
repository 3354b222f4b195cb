using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.WebhookSubscriptions;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// WABA webhook subscriptions through the real pipeline. Stubbed bodies: facebook/openapi business-messaging-api_v23.0.yaml,
/// /{WABA-ID}/subscribed_apps ("basic_subscription", "custom_callback", "custom_callback_success",
/// "multiple_subscriptions", "unsubscribe_success").
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class WebhookSubscriptionsClientWireMockTests : WireMockTestBase, IDisposable
{
    private const string VerifyToken = "vt-5f1c0e7a9b2d4c68";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ManagementTestContext _context;

    public WebhookSubscriptionsClientWireMockTests(WireMockFixture fixture)
        : base(fixture)
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _context = new ManagementTestContext(fixture, _loggerFactory);
    }

    public void Dispose()
    {
        _context.Dispose();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task SubscribeAsync_Basic_SendsEmptyObject()
    {
        // OpenAPI POST /{WABA-ID}/subscribed_apps "basic_subscription" {} → "basic_subscription_success" {"success":true}.
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/subscribed_apps"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }), JsonNode.Parse("{}"));

        await _context.Client.WebhookSubscriptions.SubscribeAsync();

        AssertBody("{}", Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task SubscribeAsync_CallbackOverride_SendsUriAndTokenInBodyOnlyAndNeverLogsTheToken()
    {
        // OpenAPI "custom_callback" request → "custom_callback_success" response.
        const string Expected = $$"""{"override_callback_uri":"https://your-webhook-endpoint.com/webhook","verify_token":"{{VerifyToken}}"}""";
        await StubAsync(Admin, "POST", Path("987654321098765/subscribed_apps"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"success":true,"data":[{"override_callback_uri":"https://your-webhook-endpoint.com/webhook","whatsapp_business_api_data":{"id":"1234567890123456","name":"Business Messaging App","link":"https://www.facebook.com/games/?app_id=1234567890123456"}}]}
            """)!), JsonNode.Parse(Expected));
        var callback = new WebhookCallbackOverride(new Uri("https://your-webhook-endpoint.com/webhook"), VerifyToken);

        await _context.Client.WebhookSubscriptions.SubscribeAsync(callback, "987654321098765");

        var request = Assert.Single(await Admin.GetRequestsAsync());
        AssertBody(Expected, request);
        Assert.DoesNotContain(VerifyToken, request.AbsoluteUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(VerifyToken, callback.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Entries);
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(VerifyToken, e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubscribeAsync_GraphError_ExceptionOmitsTheToken()
    {
        // The documented Graph error envelope (CLOUD-API-FACTS "Errors"); the code is illustrative.
        await StubAsync(Admin, "POST", Path(BusinessAccountId + "/subscribed_apps"), ResponseDefinition.Json(400, CloudApiStubs.GraphError(2200, "OAuthException", "Callback verification failed", null, "The verify token did not match.", "Asub")));

        var ex = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => _context.Client.WebhookSubscriptions.SubscribeAsync(new WebhookCallbackOverride(new Uri("https://hooks.example.com/wa"), VerifyToken)));

        Assert.Equal(2200, ex.ErrorCode);
        Assert.DoesNotContain(VerifyToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribeAsync_HttpCallback_SendsNothing()
    {
        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.WebhookSubscriptions.SubscribeAsync(new WebhookCallbackOverride(new Uri("http://hooks.example.com/wa"), VerifyToken)));

        Assert.Equal("override_callback_uri", ex.Field);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task ListAsync_MultipleSubscriptions_Maps()
    {
        // OpenAPI GET /{WABA-ID}/subscribed_apps "multiple_subscriptions".
        await StubAsync(Admin, "GET", Path(BusinessAccountId + "/subscribed_apps"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"whatsapp_business_api_data":{"id":"1234567890123456","name":"Business Messaging App","link":"https://www.facebook.com/games/?app_id=1234567890123456"}},
                     {"whatsapp_business_api_data":{"id":"2345678901234567","name":"Customer Support Bot","link":"https://www.facebook.com/games/?app_id=2345678901234567"}}]}
            """)!));

        var apps = new List<WebhookSubscription>();
        await foreach (var app in _context.Client.WebhookSubscriptions.ListAsync())
        {
            apps.Add(app);
        }

        Assert.Equal(["1234567890123456", "2345678901234567"], apps.Select(a => a.AppId));
        Assert.Equal("Customer Support Bot", apps[1].AppName);
    }

    [Fact]
    public async Task UnsubscribeAsync_Deletes()
    {
        // OpenAPI DELETE /{WABA-ID}/subscribed_apps "unsubscribe_success".
        await StubAsync(Admin, "DELETE", Path(BusinessAccountId + "/subscribed_apps"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));

        await _context.Client.WebhookSubscriptions.UnsubscribeAsync();

        Assert.Equal("DELETE", Assert.Single(await Admin.GetRequestsAsync()).Method);
    }
}
