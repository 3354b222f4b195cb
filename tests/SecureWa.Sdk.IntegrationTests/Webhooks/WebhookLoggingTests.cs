using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.IntegrationTests.Http;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WebhookLoggingTests
{
    private static async Task<(WebhookServer Server, CapturingLoggerProvider Logs)> StartAsync(Action<ILoggingBuilder>? configureLogging = null)
    {
        var logs = new CapturingLoggerProvider();
        var server = await WebhookServer.StartAsync(configureBuilder: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            configureLogging?.Invoke(builder.Logging);
        });
        return (server, logs);
    }

    [Fact]
    public async Task Get_Handshake_VerifyTokenNotInTheHostsLogsAtInformation()
    {
        var (server, logs) = await StartAsync();
        await using (server)
        {
            using var good = await server.Client.GetAsync($"{WebhookServer.Path}?hub.mode=subscribe&hub.verify_token={WebhookServer.VerifyToken}&hub.challenge=1158201444");
            using var bad = await server.Client.GetAsync($"{WebhookServer.Path}?hub.mode=subscribe&hub.verify_token=guessed-token-value&hub.challenge=1");
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        }

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, static e => e.Text.Contains(WebhookServer.VerifyToken, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, static e => e.Text.Contains("guessed-token-value", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, static e => e.Text.Contains("hub.verify_token=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Handshake_HostingWarningsStillLogged()
    {
        var (server, logs) = await StartAsync();
        await using (server)
        {
            var logger = server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
            logger.LogWarning("a hosting warning");
        }

        Assert.Contains(logs.Entries, static e => e.Text.Contains("a hosting warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Handshake_ApplicationThatAsksForHostingInformationGetsIt()
    {
        // An explicit rule for the category is the application's choice and wins.
        var (server, logs) = await StartAsync(static logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information));
        await using (server)
        {
            using var response = await server.Client.GetAsync($"{WebhookServer.Path}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
        }

        Assert.Contains(logs.Entries, static e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Level == LogLevel.Information);
    }
}
