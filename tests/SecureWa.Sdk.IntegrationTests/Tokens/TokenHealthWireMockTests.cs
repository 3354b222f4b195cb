using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.IntegrationTests.Tokens;

/// <summary>
/// <c>debug_token</c> answers served by WireMock map to the right findings and health status; the token goes to Graph
/// only as the bearer credential and <c>input_token</c>, and never reaches a log line, an activity tag, a metric tag,
/// an alert or a health check result.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class TokenHealthWireMockTests : WireMockTestBase, IDisposable
{
    private const string AppId = "1234567890";
    private const string BusinessAccountId = "102290129340398";
    private const string PhoneNumberId = "106540352242922";
    private const string Recipient = "+16505551234";
    private const string DebugTokenPath = "/" + CloudApiStubs.ApiVersion + "/debug_token";

    private readonly string _token = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConcurrentQueue<string> _telemetry = new();
    private readonly ConcurrentQueue<SecurityAlert> _alerts = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TokenHealthWireMockTests(WireMockFixture fixture)
        : base(fixture)
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

        // Every activity of every source (the SDK's and System.Net.Http's), with its tags.
        _activities = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _telemetry.Enqueue("activity " + a.OperationName + " " + a.DisplayName + " " + string.Join(";", a.TagObjects.Select(static t => t.Key + "=" + t.Value))),
        };
        ActivitySource.AddActivityListener(_activities);

        // Every measurement of the SDK's and System.Net.Http's instruments, with its tags.
        _meters = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name is "SecureWa.Sdk" or "System.Net.Http")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.Start();
    }

    private void RecordMeasurement(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder("metric ").Append(instrument.Name);
        foreach (var tag in tags)
        {
            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        _telemetry.Enqueue(text.ToString());
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        _loggerFactory.Dispose();
    }

    private static long Unix(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds();

    private static JsonArray Strings(params string[] values) => new(values.Select(static v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static JsonObject Granular(string scope, params string[] targets) =>
        targets.Length == 0 ? new JsonObject { ["scope"] = scope } : new JsonObject { ["scope"] = scope, ["target_ids"] = Strings(targets) };

    /// <summary>A system-user token with only what a send-only service needs, scoped to the configured WABA.</summary>
    private static JsonObject HealthyData() => new()
    {
        ["app_id"] = AppId,
        ["type"] = "SYSTEM_USER",
        ["application"] = "Order updates",
        ["data_access_expires_at"] = 0,
        ["expires_at"] = 0,
        ["is_valid"] = true,
        ["issued_at"] = Unix(TimeSpan.FromDays(-10)),
        ["scopes"] = Strings("whatsapp_business_messaging", "public_profile"),
        ["granular_scopes"] = new JsonArray(Granular("whatsapp_business_messaging", BusinessAccountId)),
        ["user_id"] = "122100000000001",
    };

    public static TheoryData<string, TokenHealthFindingKind[], HealthStatus> Answers => new()
    {
        { "healthy", [], HealthStatus.Healthy },
        { "expiring", [TokenHealthFindingKind.ExpiresSoon], HealthStatus.Degraded },
        { "expired", [TokenHealthFindingKind.Invalid, TokenHealthFindingKind.Expired], HealthStatus.Unhealthy },
        { "never-expiring-old", [TokenHealthFindingKind.RotationOverdue], HealthStatus.Degraded },
        { "over-scoped", [TokenHealthFindingKind.ExcessScope], HealthStatus.Degraded },
        { "wrong-app", [TokenHealthFindingKind.WrongApp], HealthStatus.Unhealthy },
        { "wrong-waba", [TokenHealthFindingKind.WrongBusinessAccount], HealthStatus.Unhealthy },
        { "missing-messaging", [TokenHealthFindingKind.MissingScope, TokenHealthFindingKind.ExcessScope], HealthStatus.Unhealthy },
        { "invalid", [TokenHealthFindingKind.Invalid], HealthStatus.Unhealthy },
        { "rejected-190", [TokenHealthFindingKind.Invalid], HealthStatus.Unhealthy },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task CheckAsync_DebugTokenAnswer_MapsToFindingsAndHealthStatusWithoutLeakingTheToken(string answer, TokenHealthFindingKind[] expected, HealthStatus expectedStatus)
    {
        var firstSeen = new InMemoryTokenFirstSeenStore();
        var data = HealthyData();
        var status = 200;
        JsonNode body;
        switch (answer)
        {
            case "expiring":
                data["type"] = "USER";
                data["expires_at"] = Unix(TimeSpan.FromDays(3));
                data["data_access_expires_at"] = Unix(TimeSpan.FromDays(80));
                break;
            case "expired":
                data["type"] = "USER";
                data["is_valid"] = false;
                data["expires_at"] = Unix(TimeSpan.FromDays(-1));
                data["error"] = new JsonObject { ["code"] = 190, ["message"] = "Error validating access token: Session has expired.", ["subcode"] = 463 };
                break;
            case "never-expiring-old":
                // issued_at is not always given; the SDK then counts from when it first saw this token version.
                data.Remove("issued_at");
                await firstSeen.GetOrAddFirstSeenAsync(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_token))).ToLowerInvariant(), DateTimeOffset.UtcNow.AddDays(-120));
                break;
            case "over-scoped":
                data["scopes"] = Strings("whatsapp_business_messaging", "whatsapp_business_management", "business_management");
                data["granular_scopes"] = new JsonArray(Granular("whatsapp_business_messaging", BusinessAccountId), Granular("whatsapp_business_management", BusinessAccountId), Granular("business_management"));
                break;
            case "wrong-app":
                data["app_id"] = "9876543210";
                break;
            case "wrong-waba":
                data["granular_scopes"] = new JsonArray(Granular("whatsapp_business_messaging", "555000111222333"));
                break;
            case "missing-messaging":
                data["scopes"] = Strings("whatsapp_business_management");
                data["granular_scopes"] = new JsonArray(Granular("whatsapp_business_management", BusinessAccountId));
                break;
            case "invalid":
                data["is_valid"] = false;
                data["error"] = new JsonObject { ["code"] = 190, ["message"] = "The access token has been invalidated because the user changed their password.", ["subcode"] = 460 };
                break;
        }

        body = new JsonObject { ["data"] = data };
        if (answer == "rejected-190")
        {
            status = 401;
            body = CloudApiStubs.GraphError(190, "OAuthException", "Invalid OAuth access token - Cannot parse access token", null, "token", "AbCdE190");
        }

        await Admin.StubAsync(
            new RequestPattern
            {
                Method = "GET",
                UrlPath = DebugTokenPath,
                QueryParameters = new() { ["input_token"] = StringValuePattern.IsEqualTo(_token) },
                Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + _token) },
            },
            ResponseDefinition.Json(status, body));
        await Admin.StubAsync(RequestPattern.For("POST", CloudApiStubs.MessagesPath(PhoneNumberId)), ResponseDefinition.Json(200, CloudApiStubs.SendResponse(Recipient, "16505551234", "wamid.HEALTH1")));

        using var client = CreateClient();
        var monitor = new SecurityMonitor(new SecurityAlertOptions(), [new CollectingSink(_alerts), new LoggingSecurityAlertSink(_loggerFactory)], loggerFactory: _loggerFactory);
        var health = new TokenHealth(client.Tokens, new TokenHealthOptions { AppId = AppId }, firstSeen: firstSeen, securityEvents: monitor, logger: _loggerFactory.CreateLogger<TokenHealth>());

        await client.Messages.SendAsync(new TextMessage(Recipient, "Your order has shipped."));
        var report = await health.CheckAsync();
        var result = await new TokenHealthCheck(health).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected.Order(), report.Findings.Select(static f => f.Kind).Order());
        Assert.Equal(expectedStatus, result.Status);
        Assert.Equal(expected.Length, _alerts.Count(a => a.Kind == SecurityAlertKind.TokenHealth));
        foreach (var finding in report.Findings)
        {
            var alert = Assert.Single(_alerts, a => a.TokenFinding == finding.Kind);
            Assert.Equal(finding.Status == TokenHealthStatus.Unhealthy ? SecurityAlertSeverity.Critical : SecurityAlertSeverity.Warning, alert.Severity);
            Assert.Equal(finding.ObservedValue, alert.ObservedValue);
            Assert.Equal(finding.Threshold, alert.Threshold);
        }

        // The token went to Graph as the credential and as input_token, and nowhere else.
        var calls = await Admin.FindRequestsAsync("GET", DebugTokenPath);
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal(_token, Assert.Single(c.QueryParams["input_token"])));

        var texts = _logs.Entries.Select(static e => e.Text)
            .Concat(_telemetry)
            .Concat(_alerts.Select(static a => a.ToString()))
            .Concat(report.Findings.Select(static f => f.ToString()))
            .Append(report.ToString())
            .Append(report.Token?.ToString() ?? string.Empty)
            .Append(result.Description ?? string.Empty)
            .Concat(result.Data.Select(static d => d.Key + "=" + (d.Value is string[] a ? string.Join(",", a) : d.Value)))
            .ToList();
        Assert.NotEmpty(_logs.Entries);
        Assert.Contains(_telemetry, static t => t.StartsWith("activity ", StringComparison.Ordinal));

        // .NET's own client activity carries the request URL (url.full) with the query redacted: the scan below sees it.
        Assert.Contains(_telemetry, static t => t.Contains("url.full=", StringComparison.Ordinal) && t.Contains("debug_token", StringComparison.Ordinal));
        var digits = Recipient.TrimStart('+');
        foreach (var text in texts)
        {
            Assert.DoesNotContain(_token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(_token), text, StringComparison.Ordinal);
            Assert.DoesNotContain("input_token=", text, StringComparison.Ordinal);
            Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckAsync_OverScopedButManagementEnabled_IsHealthy()
    {
        var data = HealthyData();
        data["scopes"] = Strings("whatsapp_business_messaging", "whatsapp_business_management", "business_management");
        await Admin.StubAsync(RequestPattern.For("GET", DebugTokenPath), ResponseDefinition.Json(200, new JsonObject { ["data"] = data }));
        using var client = CreateClient();
        var health = new TokenHealth(client.Tokens, new TokenHealthOptions { AppId = AppId, ManagementEnabled = true });

        var report = await health.CheckAsync();

        Assert.Equal(TokenHealthStatus.Healthy, report.Status);
        Assert.Empty(report.Findings);
        Assert.Equal(TokenType.SystemUser, report.Token!.Type);
        Assert.Null(report.Token.ExpiresAt);
    }

    [Fact]
    public async Task CheckAsync_ExpiringFinding_DescribesDaysLeftAgainstTheWindow()
    {
        var data = HealthyData();
        data["type"] = "USER";
        data["expires_at"] = Unix(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await Admin.StubAsync(RequestPattern.For("GET", DebugTokenPath), ResponseDefinition.Json(200, new JsonObject { ["data"] = data }));
        using var client = CreateClient();
        var health = new TokenHealth(client.Tokens, new TokenHealthOptions());

        var finding = Assert.Single((await health.CheckAsync()).Findings);

        Assert.Equal(TokenHealthFindingKind.ExpiresSoon, finding.Kind);
        Assert.InRange(finding.ObservedValue, 1.99, 2.01);
        Assert.Equal(7, finding.Threshold);
        Assert.Equal("days left", finding.Unit);
    }

    private WhatsAppClient CreateClient()
    {
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, _token);
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId, BusinessAccountId = BusinessAccountId };
        return new WhatsAppClient(options, secrets, _loggerFactory);
    }

    private sealed class CollectingSink(ConcurrentQueue<SecurityAlert> alerts) : ISecurityAlertSink
    {
        public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
        {
            alerts.Enqueue(alert);
            return ValueTask.CompletedTask;
        }
    }
}
