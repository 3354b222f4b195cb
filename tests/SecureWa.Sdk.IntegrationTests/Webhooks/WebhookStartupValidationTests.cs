using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WebhookStartupValidationTests
{
    private static async Task<OptionsValidationException> StartFailsAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder.Services);
        builder.Services.AddSecureWaWebhooks();
        await using var app = builder.Build();

        // Mapping the endpoint reads the validated options, so the failure comes at the latest on start.
        return await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            app.MapWhatsAppWebhook("/hook", static (_, _) => Task.CompletedTask);
            await app.StartAsync();
        });
    }

    [Fact]
    public async Task Start_AppSecretMissingFromTheProvider_FailsNamingTheSecret()
    {
        var ex = await StartFailsAsync(static s => s.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.WebhookVerifyToken, "t")])));

        Assert.Contains("'AppSecret'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'WebhookVerifyToken'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("in-memory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretsMissingFromAFileDirectory_NamesTheFilesLookedFor()
    {
        var directory = Path.Combine(Path.GetTempPath(), "securewa-webhook-start-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var ex = await StartFailsAsync(s => s.AddSingleton<ISecretProvider>(new FileSecretProvider(directory)));

            Assert.Contains("'AppSecret'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'WebhookVerifyToken'", ex.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory, SecretNames.AppSecret), ex.Message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory, SecretNames.WebhookVerifyToken), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_EnvironmentVariablesOfACustomMappingMissing_NamesTheVariables()
    {
        var ex = await StartFailsAsync(static s => s.AddSingleton<ISecretProvider>(new EnvironmentSecretProvider(
        [
            new(SecretNames.AppSecret, "SECUREWA_TEST_UNSET_APP_SECRET_19"),
            new(SecretNames.WebhookVerifyToken, "SECUREWA_TEST_UNSET_VERIFY_TOKEN_19"),
        ])));

        Assert.Contains("environment variable SECUREWA_TEST_UNSET_APP_SECRET_19", ex.Message, StringComparison.Ordinal);
        Assert.Contains("environment variable SECUREWA_TEST_UNSET_VERIFY_TOKEN_19", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TypoInTheWebhookConfigurationSection_FailsNamingTheKey()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:Webhooks:MaxBodySzie"] = "2048",
            ["WhatsApp:Webhooks:ReplayWindow"] = "01:00:00",
        });
        builder.Services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AppSecret, "s"), new(SecretNames.WebhookVerifyToken, "t")]));
        builder.Services.AddSecureWaWebhooks(builder.Configuration.GetSection("WhatsApp:Webhooks"));
        await using var app = builder.Build();

        var ex = await Assert.ThrowsAnyAsync<InvalidOperationException>(async () =>
        {
            app.MapWhatsAppWebhook("/hook", static (_, _) => Task.CompletedTask);
            await app.StartAsync();
        });

        Assert.Contains("MaxBodySzie", ex.Message, StringComparison.Ordinal);
    }
}
