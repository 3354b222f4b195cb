using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>A real <see cref="WhatsAppClient"/> (the SDK's whole pipeline) pointed at the shared WireMock, with a phone number id and a WABA id.</summary>
internal sealed class ManagementTestContext : IDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string BusinessAccountId = "102290129340398";
    public const string Version = CloudApiStubs.ApiVersion;

    public ManagementTestContext(WireMockFixture wireMock, ILoggerFactory? loggerFactory = null)
    {
        Token = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, Token);
        var options = new WhatsAppClientOptions { BaseAddress = wireMock.BaseUri, PhoneNumberId = PhoneNumberId, BusinessAccountId = BusinessAccountId };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(50);
        Client = new WhatsAppClient(options, secrets, loggerFactory);
    }

    public string Token { get; }

    public WhatsAppClient Client { get; }

    public static string Path(string relative) => $"/{Version}/{relative}";

    /// <summary>Stubs <paramref name="method"/> <paramref name="path"/>, requiring the bearer token, the exact JSON body when given, and the query parameters when given.</summary>
    public static Task StubAsync(WireMockAdmin admin, string method, string path, ResponseDefinition response, JsonNode? body = null, Dictionary<string, StringValuePattern>? query = null, string? token = null) =>
        admin.StubAsync(new RequestPattern
        {
            Method = method,
            UrlPath = path,
            Headers = new() { ["Authorization"] = token is null ? StringValuePattern.Matching("Bearer .+") : StringValuePattern.IsEqualTo("Bearer " + token) },
            QueryParameters = query,
            BodyPatterns = body is null ? null : [ContentPattern.JsonEqualTo(body)],
        }, response);

    /// <summary>Whether the journal body is JSON equal to <paramref name="expected"/>.</summary>
    public static void AssertBody(string expected, LoggedRequest request) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), request.BodyAsJson()), "Body was " + request.Body);

    public void Dispose() => Client.Dispose();
}
