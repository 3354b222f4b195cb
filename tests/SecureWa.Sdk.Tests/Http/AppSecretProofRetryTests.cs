using System.Net;
using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Http;

/// <summary>
/// The whole client pipeline (resilience, rate limiting, authentication) over an in-process primary handler: a retried
/// send must carry exactly one, current <c>appsecret_proof</c>, however many attempts it takes.
/// </summary>
public class AppSecretProofRetryTests
{
    private const string Token = "proof-retry-token";
    private const string AppSecret = "proof-retry-app-secret";

    [Fact]
    public async Task Send_RetriedAfter429_EveryAttemptCarriesExactlyOneProof()
    {
        var primary = new ScriptedHandler(
            () => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"error":{"message":"Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"A1"}}""", Encoding.UTF8, "application/json"),
                Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero) },
            },
            () => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.RETRIED"}]}""", Encoding.UTF8, "application/json"),
            });
        var options = new WhatsAppClientOptions { PhoneNumberId = "1234567890", UseAppSecretProof = true };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Resilience.UseJitter = false;
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, Token), new(SecretNames.AppSecret, AppSecret)]);
        using var client = new WhatsAppClient(options, secrets, loggerFactory: null, timeProvider: null, primaryHandler: primary);

        var result = await client.Messages.SendAsync(new TextMessage("+16505551234", "hello"));

        Assert.Equal("wamid.RETRIED", result.MessageId);
        var expected = "appsecret_proof=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(Token))).ToLowerInvariant();
        Assert.Equal(2, primary.Uris.Count);
        Assert.All(primary.Uris, uri => Assert.Equal("?" + expected, uri.Query));
    }

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            var response = responses[Math.Min(Uris.Count, responses.Length) - 1]();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
