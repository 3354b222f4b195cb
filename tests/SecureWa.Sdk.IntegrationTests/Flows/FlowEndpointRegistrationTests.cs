using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Flows;

public sealed class FlowEndpointRegistrationTests
{
    [Fact]
    public void MapWhatsAppFlowEndpoint_WithoutAddSecureWaFlows_ThrowsWithGuidance()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapWhatsAppFlowEndpoint("/flows", static (_, _) => ValueTask.FromResult(WhatsAppFlowResponse.Acknowledge())));

        Assert.Contains("AddSecureWaFlows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSecureWaFlows_InvalidEndpointAndTokenOptions_BothFailOnStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSecureWaFlows(o => o.ReadTimeout = TimeSpan.Zero);
        builder.Services.Configure<FlowTokenOptions>(o => o.Lifetime = TimeSpan.FromDays(365));
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAsync<AggregateException>(() => app.StartAsync());

        var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.Contains("ReadTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Lifetime", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSecureWaFlows_RegistersOneTokenProtector()
    {
        var services = new ServiceCollection();
        services.AddSecureWaFlows();
        services.AddSecureWaFlows();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(FlowTokenProtector));
        Assert.NotNull(provider.GetRequiredService<FlowTokenProtector>());
    }

    [Fact]
    public async Task HealthCheck_KeyLoads_Healthy_KeyMissingOrBroken_UnhealthyWithoutValues()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AppSecret, "health-app-secret-0123456789");
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(secrets);
        services.AddSecureWaFlows();
        services.AddHealthChecks().AddWhatsAppFlowEndpoint();
        await using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var missing = await health.CheckHealthAsync();
        secrets.Set(FlowSecretNames.PrivateKey, "-----BEGIN PRIVATE KEY-----\nbroken-key-material\n-----END PRIVATE KEY-----");
        var broken = await health.CheckHealthAsync();
        secrets.Set(FlowSecretNames.PrivateKey, rsa.ExportPkcs8PrivateKeyPem());
        var healthy = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, missing.Status);
        Assert.Equal(HealthStatus.Unhealthy, broken.Status);
        Assert.DoesNotContain("broken-key-material", broken.Entries["whatsapp_flows"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains("2048-bit", healthy.Entries["whatsapp_flows"].Description, StringComparison.Ordinal);
    }
}
