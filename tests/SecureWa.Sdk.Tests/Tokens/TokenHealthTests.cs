using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Messages;
using SecureWa.Sdk.Tokens;
using SecureWa.Sdk.Tokens.Internal;
using FakeClock = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace SecureWa.Sdk.Tests.Tokens;

public sealed class TokenHealthTests : IDisposable
{
    private const string Token = "EAAGtokenHealthUnitTestSecret0123456789";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeClock _clock = new(Start);
    private readonly DebugTokenHandler _handler = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly InMemorySecretProvider _secrets;
    private readonly WhatsAppClient _client;

    public TokenHealthTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        var options = new WhatsAppClientOptions { PhoneNumberId = "106540352242922", BusinessAccountId = "102290129340398" };
        _secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, Token)]);
        _client = new WhatsAppClient(options, _secrets, _loggerFactory, timeProvider: null, primaryHandler: _handler);
    }

    public void Dispose()
    {
        _client.Dispose();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task InspectAsync_SystemUserToken_ParsesDebugTokenAndSendsTheTokenAsBearerAndInputToken()
    {
        var info = await _client.Tokens.InspectAsync();

        Assert.True(info.IsValid);
        Assert.Equal(TokenType.SystemUser, info.Type);
        Assert.Equal("1234567890", info.AppId);
        Assert.Equal("Order updates", info.Application);
        Assert.Null(info.ExpiresAt);
        Assert.Null(info.DataAccessExpiresAt);
        Assert.Equal(["whatsapp_business_messaging", "public_profile"], info.Scopes);
        var granular = Assert.Single(info.GranularScopes);
        Assert.Equal(["102290129340398"], granular.TargetIds);
        Assert.Equal(TokenFingerprint.Compute(Token)[..16], info.TokenId);
        Assert.DoesNotContain(Token, info.ToString(), StringComparison.Ordinal);

        var (uri, authorization) = Assert.Single(_handler.Requests);
        Assert.Equal("/v23.0/debug_token", uri.AbsolutePath);
        Assert.Equal("?input_token=" + Token, uri.Query);
        Assert.Equal("Bearer " + Token, authorization);
    }

    [Fact]
    public async Task InspectAsync_WithListeners_NoLogLineOrActivityTagCarriesTheToken()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        await _client.Tokens.InspectAsync();
        _handler.Body = """{"error":{"message":"Invalid OAuth access token - Cannot parse access token","type":"OAuthException","code":190,"fbtrace_id":"Ax"}}""";
        _handler.Status = HttpStatusCode.Unauthorized;
        await Assert.ThrowsAsync<SecureWa.Sdk.Errors.WhatsAppAuthenticationException>(() => _client.Tokens.InspectAsync());

        List<Activity> seen;
        lock (activities)
        {
            seen = [.. activities];
        }

        Assert.Contains(seen, static a => a.Source.Name == "SecureWa.Sdk");
        Assert.NotEmpty(_logs.Lines);
        foreach (var activity in seen)
        {
            Assert.DoesNotContain(Token, activity.DisplayName, StringComparison.Ordinal);
            Assert.All(activity.TagObjects, t => Assert.DoesNotContain(Token, t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.All(_logs.Lines, l => Assert.DoesNotContain(Token, l, StringComparison.Ordinal));
        Assert.All(_logs.Lines, l => Assert.DoesNotContain("input_token", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_RejectedWith190_IsUnhealthyInvalidWithoutTheTokenAnywhere()
    {
        _handler.Body = """{"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"Ax"}}""";
        _handler.Status = HttpStatusCode.Unauthorized;
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);

        var report = await health.CheckAsync();

        Assert.Equal(TokenHealthStatus.Unhealthy, report.Status);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(TokenHealthFindingKind.Invalid, finding.Kind);
        Assert.Equal(190, finding.ObservedValue);
        Assert.DoesNotContain(Token, finding.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, TokenHealthCheck.ToResult(report).Status);
    }

    [Fact]
    public async Task CheckAsync_GraphUnreachable_IsDegradedCheckFailed()
    {
        _handler.Body = "<html>bad gateway</html>";
        _handler.Status = HttpStatusCode.OK;
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);

        var report = await health.CheckAsync();

        Assert.Equal(TokenHealthStatus.Degraded, report.Status);
        Assert.Equal(TokenHealthFindingKind.CheckFailed, Assert.Single(report.Findings).Kind);
    }

    [Fact]
    public async Task CheckAsync_NeverExpiringTokenSeenFor91Days_IsRotationOverdueCountedFromFirstSeen()
    {
        var store = new InMemoryTokenFirstSeenStore();
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), firstSeen: store, timeProvider: _clock);

        var first = await health.CheckAsync();
        Assert.Equal(TokenHealthStatus.Healthy, first.Status);
        Assert.Equal(Start, first.FirstSeenAt);

        _clock.Advance(TimeSpan.FromDays(89));
        Assert.Empty((await health.CheckAsync()).Findings);

        _clock.Advance(TimeSpan.FromDays(2));
        var overdue = await health.CheckAsync();
        var finding = Assert.Single(overdue.Findings);
        Assert.Equal(TokenHealthFindingKind.RotationOverdue, finding.Kind);
        Assert.Equal(91, finding.ObservedValue);
        Assert.Equal(90, finding.Threshold);
        Assert.Equal(TokenHealthStatus.Degraded, overdue.Status);
        Assert.Equal(Start, overdue.FirstSeenAt);
    }

    [Fact]
    public async Task CheckAsync_TokenRotatedAfterRotationOverdue_NewVersionCountsFromNowAndIsHealthy()
    {
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);
        var old = await health.CheckAsync();
        _clock.Advance(TimeSpan.FromDays(100));
        Assert.True((await health.CheckAsync()).Has(TokenHealthFindingKind.RotationOverdue));

        _secrets.Set(SecretNames.AccessToken, Token + "-rotated");
        var rotated = await health.CheckAsync();

        Assert.Equal(TokenHealthStatus.Healthy, rotated.Status);
        Assert.Equal(_clock.GetUtcNow(), rotated.FirstSeenAt);
        Assert.NotEqual(old.TokenId, rotated.TokenId);
        Assert.Equal("?input_token=" + Token + "-rotated", _handler.Requests.Last().Uri.Query);
    }

    [Fact]
    public async Task Monitor_OnTheFakeClock_ChecksAtStartThenEverySixHours()
    {
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);
        using var monitor = new TokenHealthMonitor(health, _clock);

        await monitor.StartAsync(CancellationToken.None);
        await WaitUntil(() => health.LastReport is not null);
        Assert.Equal(1, _handler.Count);
        Assert.Equal(Start, health.LastReport!.CheckedAt);

        // Just before the interval: nothing (real time passes too, so a check on the wall clock would show here).
        await Task.Delay(300);
        _clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Assert.Equal(1, _handler.Count);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await WaitUntil(() => _handler.Count == 2 && health.LastReport!.CheckedAt == Start.AddHours(6)));

        await Task.Delay(300);
        _clock.Advance(TimeSpan.FromHours(6));
        Assert.True(await WaitUntil(() => _handler.Count == 3 && health.LastReport!.CheckedAt == Start.AddHours(12)));

        await monitor.StopAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(6));
        await Task.Delay(200);
        Assert.Equal(3, _handler.Count);
    }

    [Fact]
    public async Task HealthCheck_NoReportYet_ChecksOnceThenServesTheLastReportUntilStale()
    {
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);
        var check = new TokenHealthCheck(health, _clock);
        var context = new HealthCheckContext();

        var first = await check.CheckHealthAsync(context);
        _clock.Advance(TimeSpan.FromHours(11));
        var second = await check.CheckHealthAsync(context);
        Assert.Equal(1, _handler.Count);

        _clock.Advance(TimeSpan.FromHours(2));
        await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Healthy, second.Status);
        Assert.Equal(2, _handler.Count);
        Assert.Equal("never", first.Data["expires_at"]);
    }

    [Fact]
    public async Task CheckAsync_ConcurrentCallers_ShareOneCall()
    {
        var health = new TokenHealth(_client.Tokens, new TokenHealthOptions(), timeProvider: _clock);

        _handler.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = Enumerable.Range(0, 8).Select(_ => Task.Run(() => health.CheckAsync())).ToArray();
        await WaitUntil(() => _handler.Count == 1);
        await Task.Delay(100);
        _handler.Gate.SetResult();
        var reports = await Task.WhenAll(pending);

        Assert.Equal(1, _handler.Count);
        Assert.All(reports, r => Assert.Equal(TokenHealthStatus.Healthy, r.Status));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var options = new TokenHealthOptions { CheckInterval = TimeSpan.FromSeconds(1), AppId = "my-app" };

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new TokenHealth(_client.Tokens, options));

        Assert.Contains(ex.Failures, f => f.Contains("CheckInterval", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("AppId", StringComparison.Ordinal));
    }

    private static async Task<bool> WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
