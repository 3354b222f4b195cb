using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.DependencyInjection;

/// <summary>
/// A host that puts Microsoft.Extensions.Http.Resilience's standard handler on every client (the .NET Aspire service
/// defaults do) must not make the SDK resend a message: exactly one request reaches the server per send, whatever the
/// fault, and the caller gets the SDK's typed outcome, never Polly's exceptions.
/// </summary>
public sealed class HostResilienceDefaultsTests
{
    public static TheoryData<string, bool> Faults()
    {
        var data = new TheoryData<string, bool>();
        foreach (var fault in new[] { "500", "503", "slow", "reset" })
        {
            data.Add(fault, true);
            data.Add(fault, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SendAsync_HostAddsStandardResilienceHandlerToEveryClient_OnePostPerSend(string fault, bool defaultsFirst)
    {
        var terminal = new ScriptedHandler();
        for (var i = 0; i < 5; i++)
        {
            _ = fault switch
            {
                "500" => terminal.Respond(HttpStatusCode.InternalServerError),
                "503" => terminal.Respond(HttpStatusCode.ServiceUnavailable),
                "slow" => terminal.Hang(),
                _ => terminal.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")),
            };
        }

        await using var provider = BuildProvider(terminal, defaultsFirst);
        var client = provider.GetRequiredService<WhatsAppClient>();

        var ex = await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "Your order shipped")));

        Assert.Equal(1, terminal.Count);
        Assert.Equal(WhatsAppRequestState.Unknown, ex.RequestState);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Query_HostAddsStandardResilienceHandler_OnlyTheSdkRetries(bool defaultsFirst)
    {
        // A GET may be retried, but by the SDK's own pipeline alone (MaxRetries = 1 → exactly two attempts).
        var terminal = new ScriptedHandler().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.ServiceUnavailable);
        await using var provider = BuildProvider(terminal, defaultsFirst);
        var client = provider.GetRequiredService<WhatsAppClient>();

        await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Media.GetInfoAsync("4490709327384033"));

        Assert.Equal(2, terminal.Count);
    }

    [Fact]
    public async Task ApplicationHandler_NeverSeesTheTokenOrTheProof()
    {
        var seen = new List<(string? Authorization, string Uri)>();
        var terminal = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"messages":[{"id":"wamid.1"}]}""");
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-token-value"), new(SecretNames.AppSecret, "app-secret-value")]));
        services.AddSecureWa(o =>
            {
                o.PhoneNumberId = "106540352242922";
                o.UseAppSecretProof = true;
            })
            .AddHttpMessageHandler(() => new PeekingHandler(seen))
            .ConfigurePrimaryHttpMessageHandler(() => terminal);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        var (authorization, uri) = Assert.Single(seen);
        Assert.Null(authorization);
        Assert.DoesNotContain("appsecret_proof", uri, StringComparison.Ordinal);

        // The server still got both, added innermost.
        var sent = Assert.Single(terminal.Requests).Message;
        Assert.Equal("Bearer", sent.Headers.Authorization?.Scheme);
        Assert.Contains("appsecret_proof=", sent.RequestUri!.Query, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(ScriptedHandler terminal, bool defaultsFirst)
    {
        var services = new ServiceCollection();
        void Defaults() => services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(100);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(1);
            o.Retry.Delay = TimeSpan.Zero;
        }));

        if (defaultsFirst)
        {
            Defaults();
        }

        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-token-value")]));
        services.AddSecureWa(o =>
        {
            o.PhoneNumberId = "106540352242922";
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.Resilience.MaxRetries = 1;
            o.Resilience.BaseDelay = TimeSpan.Zero;
            o.Resilience.UseJitter = false;
        }).ConfigurePrimaryHttpMessageHandler(() => terminal);

        if (!defaultsFirst)
        {
            Defaults();
        }

        return services.BuildServiceProvider();
    }

    private sealed class PeekingHandler(List<(string? Authorization, string Uri)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add((request.Headers.Authorization?.ToString(), request.RequestUri!.ToString()));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
