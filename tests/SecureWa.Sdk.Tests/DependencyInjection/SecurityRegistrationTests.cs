using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Alerts;
using SecureWa.Sdk.Tests.Tokens;
using SecureWa.Sdk.Tokens;

namespace SecureWa.Sdk.Tests.DependencyInjection;

public sealed class SecurityRegistrationTests
{
    private const string Token = "EAAGregistrationTestToken987654321";
    private const string PhoneNumberId = "106540352242922";

    [Fact]
    public async Task AddTokenHealthCheck_WithHealthChecks_ReportsTheTokenThroughHealthCheckService()
    {
        var handler = new DebugTokenHandler(DebugTokenHandler.HealthySystemUser.Replace("\"public_profile\"", "\"business_management\"", StringComparison.Ordinal));
        var services = CreateServices();
        services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId)
            .AddTokenHealthCheck(o => o.AppId = "1234567890")
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddHealthChecks().AddSecureWaTokenHealth();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[TokenHealthCheck.DefaultName];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("business_management", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, entry.Description, StringComparison.Ordinal);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "TokenHealthMonitor");
        Assert.Equal("Bearer " + Token, Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public void AddTokenHealthCheck_InvalidOptions_FailValidationOnStart()
    {
        var services = CreateServices();
        services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId).AddTokenHealthCheck(o => o.RotationPeriod = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TokenHealthOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("RotationPeriod", StringComparison.Ordinal));
    }

    [Fact]
    public void AddTokenHealthCheck_OnAnotherHttpClientBuilder_Throws()
    {
        var services = CreateServices();
        var other = services.AddHttpClient("mine");

        Assert.Throws<ArgumentException>(() => other.AddTokenHealthCheck());
    }

    [Fact]
    public async Task AddSecureWaSecurityAlerts_SendsThroughTheClient_ReachTheVolumeDetectorAndEveryRegisteredSink()
    {
        var sink = new CollectingAlertSink();
        var services = CreateServices();
        services.AddSecureWa(o =>
            {
                o.PhoneNumberId = PhoneNumberId;
                o.RateLimiting.RecipientBurst = 100;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SentHandler());
        services.AddSecureWaSecurityAlerts(o => o.SendVolume.AbsoluteHourlyCap = 2).AddSecurityAlertSink(sink);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WhatsAppClient>();

        for (var i = 0; i < 3; i++)
        {
            await client.Messages.SendAsync(new TextMessage("+16505551234", "hello"));
        }

        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(SecurityAlertKind.SendVolumeAboveCap, alert.Kind);
        Assert.Equal("phone_number_id:" + PhoneNumberId, alert.Subject);
        Assert.Equal(3, alert.ObservedValue);
        Assert.Equal(2, provider.GetServices<ISecurityAlertSink>().Count());
        Assert.Contains(provider.GetServices<ISecurityAlertSink>(), s => s is LoggingSecurityAlertSink);
        Assert.Same(provider.GetRequiredService<SecurityMonitor>(), provider.GetRequiredService<ISecurityEventRecorder>());
    }

    [Fact]
    public async Task AddSecureWaSecurityAlerts_Graph190Answers_RaiseTheAuthenticationBurst()
    {
        var sink = new CollectingAlertSink();
        var services = CreateServices();
        services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId)
            .ConfigurePrimaryHttpMessageHandler(() => new DebugTokenHandler("""{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190,"fbtrace_id":"A"}}""", HttpStatusCode.Unauthorized));
        services.AddSecureWaSecurityAlerts(o => o.AuthenticationFailures = new BurstAlertRule(2, TimeSpan.FromMinutes(5))).AddSecurityAlertSink(sink);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WhatsAppClient>();

        await Assert.ThrowsAsync<SecureWa.Sdk.Errors.WhatsAppAuthenticationException>(() => client.Tokens.InspectAsync());
        Assert.Empty(sink.Alerts);
        await Assert.ThrowsAsync<SecureWa.Sdk.Errors.WhatsAppAuthenticationException>(() => client.Tokens.InspectAsync());

        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(SecurityAlertKind.AuthenticationFailureBurst, alert.Kind);
        Assert.Equal("access_token", alert.Subject);
    }

    [Fact]
    public void AddSecureWaSecurityAlerts_FromConfiguration_ReplacesDefaultListsAndBindsNestedRules()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SecurityAlerts:CoolDown"] = "00:30:00",
                ["SecurityAlerts:SendVolume:AbsoluteHourlyCap"] = "500",
                ["SecurityAlerts:BusinessHours:TimeZoneId"] = "Europe/Amsterdam",
                ["SecurityAlerts:BusinessHours:Days:0"] = "Saturday",
                ["SecurityAlerts:WebhookSignatureRejections:Threshold"] = "4",
            })
            .Build();
        var services = CreateServices();
        services.AddSecureWaSecurityAlerts(configuration.GetSection("SecurityAlerts"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SecurityAlertOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(30), options.CoolDown);
        Assert.Equal(500, options.SendVolume.AbsoluteHourlyCap);
        Assert.Equal([DayOfWeek.Saturday], options.BusinessHours.Days);
        Assert.Equal(4, options.WebhookSignatureRejections.Threshold);
        Assert.Equal(TimeSpan.FromMinutes(5), options.WebhookSignatureRejections.Window);
        Assert.NotNull(provider.GetRequiredService<ISecurityEventRecorder>());
    }

    [Fact]
    public async Task AddTokenHealthCheck_WithoutAlertsRegistration_StillSendsFindingsToTheSinks()
    {
        var sink = new CollectingAlertSink();
        var handler = new DebugTokenHandler(DebugTokenHandler.HealthySystemUser.Replace("\"app_id\":\"1234567890\"", "\"app_id\":\"42\"", StringComparison.Ordinal));
        var services = CreateServices();
        services.AddSecurityAlertSink(sink);
        services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId)
            .AddTokenHealthCheck(o => o.AppId = "1234567890")
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<TokenHealth>().CheckAsync();

        Assert.Equal(TokenHealthStatus.Unhealthy, report.Status);
        var alert = Assert.Single(sink.Alerts);
        Assert.Equal(TokenHealthFindingKind.WrongApp, alert.TokenFinding);
        Assert.Equal(SecurityAlertSeverity.Critical, alert.Severity);
    }

    private static ServiceCollection CreateServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, Token)]));
        return services;
    }

    private sealed class SentHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.X"}]}""", Encoding.UTF8, "application/json"),
            });
    }
}
