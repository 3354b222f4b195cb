using System.Net;
using System.Text;
using System.Text.Json;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Errors;

public sealed class ApiErrorRedactionTests
{
    // Generated per run, shaped like a Meta access token and an app secret: no credential-like literal in the source.
    private static readonly string Token = "EAAG" + System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 52);
    private static readonly string AppSecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private const string Customer = "+16505551234";

    /// <summary>A hostile (or buggy) server that copies what it received into error.message and error_data.details.</summary>
    private sealed class EchoingGraph : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var proof = request.RequestUri!.Query.Split("appsecret_proof=")[1].Split('&')[0];
            var bearer = request.Headers.Authorization!.Parameter!;
            var message = $"Invalid OAuth access token - Cannot parse access token {bearer} (proof {proof}, Authorization: Bearer {bearer}) for {Customer} and 16505551234, app secret {AppSecret}. " + new string('x', 60_000);
            var details = $"Recipient +1 650-555-1234 / {bearer}";
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["error"] = new Dictionary<string, object>
                {
                    ["message"] = message,
                    ["type"] = "OAuthException",
                    ["code"] = 100,
                    ["error_data"] = new Dictionary<string, string> { ["details"] = details },
                    ["fbtrace_id"] = "AbCdEfGhIjKl",
                },
            });
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }

    [Fact]
    public async Task SendAsync_ServerEchoesTokenProofSecretAndPhone_ExceptionHoldsNoneOfThem()
    {
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, Token), new(SecretNames.AppSecret, AppSecret)]);
        using var client = new WhatsAppClient(
            new WhatsAppClientOptions { PhoneNumberId = "106540352242922", UseAppSecretProof = true },
            secrets, loggerFactory: null, timeProvider: null, primaryHandler: new EchoingGraph());
        string proof;
        using (var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(AppSecret)))
        {
            proof = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(Token)));
        }

        var ex = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => client.Messages.SendAsync(new TextMessage(Customer, "hi")));

        foreach (var text in new[] { ex.Message, ex.Details ?? string.Empty, ex.Error.Message ?? string.Empty, ex.ToString() })
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token[..20], text, StringComparison.Ordinal);
            Assert.DoesNotContain(proof, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AppSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("6505551234", text, StringComparison.Ordinal);
            Assert.DoesNotContain("650-555-1234", text, StringComparison.Ordinal);
        }

        Assert.Contains("+*******1234", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Message.Length, 1, 1_200);
        Assert.Equal(100, ex.ErrorCode);
        Assert.Equal("AbCdEfGhIjKl", ex.FbTraceId);
    }

    [Theory]
    [InlineData("(#100) Invalid parameter", "(#100) Invalid parameter")]
    [InlineData("Message failed to send because there were too many messages sent from this phone number in a short period of time", "Message failed to send because there were too many messages sent from this phone number in a short period of time")]
    [InlineData("See https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/", "See https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")]
    [InlineData("Parameter value is not valid: 16505551234", "Parameter value is not valid: *******1234")]
    public void Message_OrdinaryGraphText_KeptReadable(string graphText, string expected)
    {
        var ex = new WhatsAppApiException(new WhatsAppApiError { StatusCode = HttpStatusCode.BadRequest, Code = 100, Message = graphText });

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
