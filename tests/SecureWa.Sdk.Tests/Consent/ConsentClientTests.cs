using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class ConsentClientTests
{
    [Fact]
    public async Task Operations_RunThroughTheGovernancePipelineUnderConsentManage()
    {
        var seen = new List<string>();
        using var provider = BuildProvider(services => services.AddSingleton<WhatsAppOperationPolicy>(new SeeingPolicy(seen)));
        var client = provider.GetRequiredService<ConsentClient>().ForOperator(new WhatsAppOperator("dpo-1", ["dpo"]));

        await client.RecordOptInAsync("+16505551234", ConsentPurposes.Marketing, ConsentSources.WebForm);
        Assert.Equal(ConsentStatus.OptedIn, (await client.GetStatusAsync("+16505551234", ConsentPurposes.Marketing)).Status);
        Assert.Equal(1, await client.EraseAsync("+16505551234"));

        Assert.Equal(["consent.manage dpo-1 16505551234", "consent.manage dpo-1 16505551234", "consent.manage dpo-1 16505551234"], seen);
    }

    [Fact]
    public async Task Operations_RefusedByAPolicy_NothingRecorded()
    {
        using var provider = BuildProvider(services => services.AddSingleton<WhatsAppOperationPolicy>(new DenyingPolicy()));
        var client = provider.GetRequiredService<ConsentClient>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => client.RecordOptInAsync("+16505551234", ConsentPurposes.Marketing, ConsentSources.WebForm));

        Assert.Equal(0, ((InMemoryConsentStore)provider.GetRequiredService<IConsentStore>()).SubjectCount);
    }

    [Fact]
    public void AddSecureWaConsent_InvalidOptions_FailValidationNamingTheSetting()
    {
        using var provider = BuildProvider(services => services.Configure<ConsentOptions>(o => o.ServiceWindow = TimeSpan.FromHours(48)));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsentOptions>>().Value);

        Assert.Contains("ServiceWindow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecureWaConsent_RegistersThePolicyOnceAndTheWebhookObserver()
    {
        using var provider = BuildProvider(services => services.AddSecureWaConsent());

        Assert.Single(provider.GetServices<WhatsAppOperationPolicy>(), p => p.Order == WhatsAppOperationPolicyOrder.Consent);
        Assert.Single(provider.GetServices<SecureWa.Sdk.Webhooks.IWebhookNotificationObserver>());
    }

    [Fact]
    public void AddSecureWaConsent_FromConfiguration_BindsTheOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceWindow"] = "12:00:00",
            ["KeywordOptOutPurpose"] = "marketing",
            ["OptOutKeywords:5"] = "ARRET",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecureWaConsent(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConsentOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(12), options.ServiceWindow);
        Assert.Equal(ConsentPurposes.Marketing, options.KeywordOptOutPurpose);
        Assert.Contains("ARRET", options.OptOutKeywords);
        Assert.Contains("STOP", options.OptOutKeywords);
    }

    private static ServiceProvider BuildProvider(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider(new Dictionary<string, string> { ["AccessToken"] = "t", ["AuditPepper"] = "p" }));
        services.AddSecureWa(o => o.PhoneNumberId = "106540352242922");
        services.AddSecureWaConsent();
        configure(services);
        return services.BuildServiceProvider();
    }

    private sealed class SeeingPolicy(List<string> seen) : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Audit;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
        {
            seen.Add($"{context.Permission} {context.Operator?.Id} {context.Recipient}");
            return default;
        }
    }

    private sealed class DenyingPolicy : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Authorize;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken) =>
            throw new UnauthorizedAccessException("denied");
    }
}
