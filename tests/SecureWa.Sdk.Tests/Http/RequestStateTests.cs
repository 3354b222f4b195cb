using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

/// <summary>Every failure of an SDK call is a WhatsAppException that says whether anything was sent.</summary>
public sealed class RequestStateTests
{
    [Fact]
    public async Task SendAsync_SecretProviderHangs_TimeoutSaysNothingWasSent()
    {
        var terminal = new ScriptedHandler();
        var secrets = new ScriptedSecretProvider { OnGet = static async _ => { await Task.Delay(Timeout.InfiniteTimeSpan); return null!; } };
        using var client = CreateClient(terminal, secrets);

        var ex = await Assert.ThrowsAsync<WhatsAppTimeoutException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal(WhatsAppRequestState.NotSent, ex.RequestState);
        Assert.Contains("nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, terminal.Count);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedAfterRetries_IsTransportExceptionNotSent()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        var terminal = new ScriptedHandler().Throw(refused).Throw(refused).Throw(refused);
        using var client = CreateClient(terminal, new ScriptedSecretProvider());

        var ex = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal(WhatsAppRequestState.NotSent, ex.RequestState);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(3, terminal.Count);
    }

    [Fact]
    public async Task Query_ResponseBrokeOff_IsTransportExceptionWithInner()
    {
        var broken = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
        var terminal = new ScriptedHandler().Throw(broken).Throw(broken).Throw(broken);
        using var client = CreateClient(terminal, new ScriptedSecretProvider());

        var ex = await Assert.ThrowsAsync<WhatsAppTransportException>(() => client.Media.GetInfoAsync("4490709327384033"));

        Assert.Equal(WhatsAppRequestState.Unknown, ex.RequestState);
        Assert.Same(broken, ex.InnerException);
    }

    [Theory]
    [InlineData("EAAG-token\r\nX-Injected: 1")]
    [InlineData("EAAG token")]
    [InlineData("EAAG-tökén")]
    public async Task SendAsync_TokenWithHeaderBreakingCharacters_RefusedBeforeSending(string token)
    {
        var terminal = new ScriptedHandler();
        using var client = CreateClient(terminal, new ScriptedSecretProvider { Current = new SecretValue(token, "v1") });

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal(WhatsAppRequestState.NotSent, ex.RequestState);
        Assert.DoesNotContain("EAAG", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, terminal.Count);
    }

    [Fact]
    public void RequestState_OfEachFailureKind_IsDeclared()
    {
        Assert.Equal(WhatsAppRequestState.NotSent, new WhatsAppValidationException("to", "bad").RequestState);
        Assert.Equal(WhatsAppRequestState.Received, new WhatsAppApiException(new WhatsAppApiError { StatusCode = HttpStatusCode.BadRequest }).RequestState);
        Assert.Equal(WhatsAppRequestState.Unknown, new WhatsAppDeliveryUnknownException("SendMessage", "timeout", null, null, 1).RequestState);
        Assert.Equal(WhatsAppRequestState.NotSent, new WhatsAppRateLimitExceededException(WhatsAppRateLimitScope.PhoneNumber, null, "limit").RequestState);
        Assert.Equal(WhatsAppRequestState.NotSent, new WhatsAppCircuitOpenException("SendMessage", null).RequestState);
    }

    private static WhatsAppClient CreateClient(ScriptedHandler terminal, ISecretProvider secrets)
    {
        var options = new WhatsAppClientOptions { PhoneNumberId = "106540352242922" };
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(5);
        options.Resilience.MaxRetries = 2;
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.UseJitter = false;
        options.RateLimiting.Enabled = false;
        return new WhatsAppClient(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, terminal);
    }
}
