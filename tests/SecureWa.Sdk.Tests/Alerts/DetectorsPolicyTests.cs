using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Alerts;

/// <summary>The detectors stage of the operation pipeline turns access denials into an alert, with no phone number in it.</summary>
public sealed class DetectorsPolicyTests
{
    [Fact]
    public async Task RepeatedAccessDenials_RaiseOneAccessDeniedBurstAlert_ForTheOperator()
    {
        var terminal = new ScriptedHandler();
        var sink = new CapturingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-token-value")]));
        services.AddSecureWa(o => o.PhoneNumberId = "106540352242922").ConfigurePrimaryHttpMessageHandler(() => terminal);
        services.AddSecureWaAccessControl();
        services.AddSecureWaSecurityAlerts(o => o.AccessDenied = new BurstAlertRule(3, TimeSpan.FromMinutes(5)));
        services.AddSecurityAlertSink(sink);
        await using var provider = services.BuildServiceProvider();
        var agent = provider.GetRequiredService<WhatsAppClient>().ForOperator(new WhatsAppOperator("agent-17", ["agent"]));

        for (var i = 0; i < 5; i++)
        {
            // Deleting media is an admin permission: denied before any I/O.
            await Assert.ThrowsAnyAsync<WhatsAppException>(() => agent.Media.DeleteAsync("4490709327384033"));
        }

        Assert.Equal(0, terminal.Count);
        var alert = Assert.Single(sink.Alerts, a => a.Kind == SecurityAlertKind.AccessDeniedBurst);
        Assert.DoesNotContain("16505551234", alert.ToString(), StringComparison.Ordinal);
    }

    private sealed class CapturingSink : ISecurityAlertSink
    {
        public List<SecurityAlert> Alerts { get; } = [];

        public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
        {
            lock (Alerts)
            {
                Alerts.Add(alert);
            }

            return default;
        }
    }
}
