using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Messages;

/// <summary>A real <see cref="WhatsAppClient"/> pointed at the shared WireMock, with a token generated for this test.</summary>
internal sealed class MessagesTestContext : IDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string ApiVersion = CloudApiStubs.ApiVersion;

    public MessagesTestContext(WireMockFixture wireMock)
    {
        Token = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, Token);
        var options = new WhatsAppClientOptions { BaseAddress = wireMock.BaseUri, PhoneNumberId = PhoneNumberId };

        // Every test sends to the same recipient; the pair limit (3, then one per 6 s) is the resilience tests' subject.
        options.RateLimiting.RecipientBurst = 10_000;

        // Throttling retries stay real but short (the 130429 test is served the error on every attempt).
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(50);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        Client = new WhatsAppClient(options, secrets);
    }

    public string Token { get; }

    public WhatsAppClient Client { get; }

    public static string MessagesPath(string phoneNumberId = PhoneNumberId) => CloudApiStubs.MessagesPath(phoneNumberId);

    /// <summary>The documented send response.</summary>
    public static JsonObject SendResponse(string input, string waId, string messageId, string status = "accepted") =>
        CloudApiStubs.SendResponse(input, waId, messageId, status);

    /// <summary>The documented Graph error envelope.</summary>
    public static JsonObject GraphError(int code, string type, string message, int? subcode, string details, string fbTraceId) =>
        CloudApiStubs.GraphError(code, type, message, subcode, details, fbTraceId);

    public void Dispose() => Client.Dispose();
}
