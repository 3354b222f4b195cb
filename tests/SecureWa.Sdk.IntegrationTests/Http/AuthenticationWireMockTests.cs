using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>The authentication handler against WireMock: bearer header, appsecret_proof, Graph error 190 handling.</summary>
[Collection(WireMockCollection.Name)]
public sealed class AuthenticationWireMockTests(WireMockFixture wireMock) : WireMockTestBase(wireMock)
{
    private static readonly JsonNode Error190 = JsonNode.Parse("""{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AWt0kenExp"}}""")!;

    private static string NewSecret(string prefix) => prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string IndependentProof(string token, string appSecret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        var sb = new StringBuilder();
        foreach (var b in hmac.ComputeHash(Encoding.UTF8.GetBytes(token)))
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private GraphApiInvoker CreateInvoker(ISecretProvider secrets, bool useAppSecretProof)
    {
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, UseAppSecretProof = useAppSecretProof };
        WhatsAppClientOptionsValidator.ThrowIfInvalid(options);
        var handler = WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, TimeProvider.System);
        return new GraphApiInvoker(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options, NullLogger.Instance);
    }

    private static async Task<HttpStatusCode> GetMeAsync(GraphApiInvoker invoker)
    {
        using var response = await invoker.SendCheckedAsync(invoker.CreateRequest(HttpMethod.Get, "me?fields=id", WhatsAppOperationKind.Query, "media.download"), CancellationToken.None);
        return response.StatusCode;
    }

    private static CountingSecretProvider Secrets(string token, string appSecret)
    {
        var secrets = new CountingSecretProvider();
        secrets.SetSource(SecretNames.AccessToken, token);
        secrets.SetSource(SecretNames.AppSecret, appSecret);
        return secrets;
    }

    [Fact]
    public async Task Send_AppSecretProofOn_JournalHasBearerAndIndependentlyComputedProof()
    {
        var token = NewSecret("EAAG");
        var appSecret = NewSecret("app");
        await Admin.StubAsync(RequestPattern.For("GET", "/v23.0/me"), ResponseDefinition.Json(200, new JsonObject { ["id"] = "1" }));
        var invoker = CreateInvoker(Secrets(token, appSecret), useAppSecretProof: true);

        Assert.Equal(HttpStatusCode.OK, await GetMeAsync(invoker));

        var logged = Assert.Single(await Admin.FindRequestsAsync("GET", "/v23.0/me"));
        Assert.Equal("Bearer " + token, logged.Header("Authorization"));
        Assert.Equal([IndependentProof(token, appSecret)], logged.QueryParams["appsecret_proof"]);
        Assert.Equal(["id"], logged.QueryParams["fields"]);
        Assert.DoesNotContain(token, logged.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(appSecret, logged.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AppSecretProofOff_NoProofParameter()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/v23.0/me"), ResponseDefinition.Json(200, new JsonObject { ["id"] = "1" }));
        var invoker = CreateInvoker(Secrets(NewSecret("EAAG"), NewSecret("app")), useAppSecretProof: false);

        Assert.Equal(HttpStatusCode.OK, await GetMeAsync(invoker));

        var logged = Assert.Single(await Admin.FindRequestsAsync("GET", "/v23.0/me"));
        Assert.False(logged.QueryParams.ContainsKey("appsecret_proof"));
    }

    [Fact]
    public async Task Send_190ThenSuccess_RereadsTokenAndRetriesOnce()
    {
        var oldToken = NewSecret("EAAGold");
        var newToken = NewSecret("EAAGnew");
        var appSecret = NewSecret("app");
        await StubByTokenAsync(oldToken, newToken);
        var secrets = Secrets(oldToken, appSecret);
        await secrets.GetSecretAsync(SecretNames.AccessToken); // the provider caches the old token...
        secrets.SetSource(SecretNames.AccessToken, newToken); // ...while the source already has the new one
        var invoker = CreateInvoker(secrets, useAppSecretProof: true);

        Assert.Equal(HttpStatusCode.OK, await GetMeAsync(invoker));

        var logged = await Admin.FindRequestsAsync("GET", "/v23.0/me");
        Assert.Equal(2, logged.Count);
        Assert.Equal("Bearer " + oldToken, logged[0].Header("Authorization"));
        Assert.Equal("Bearer " + newToken, logged[1].Header("Authorization"));
        Assert.Equal([IndependentProof(newToken, appSecret)], logged[1].QueryParams["appsecret_proof"]);
        Assert.Equal(1, secrets.Invalidations);
        Assert.Equal(2, secrets.SourceReads);
    }

    [Fact]
    public async Task Send_Concurrent190s_OneInvalidationAndOneReread()
    {
        const int Concurrency = 8;
        var oldToken = NewSecret("EAAGold");
        var newToken = NewSecret("EAAGnew");
        await StubByTokenAsync(oldToken, newToken, delayMilliseconds: 300);
        var secrets = Secrets(oldToken, NewSecret("app"));
        await secrets.GetSecretAsync(SecretNames.AccessToken);
        secrets.SetSource(SecretNames.AccessToken, newToken);
        var invoker = CreateInvoker(secrets, useAppSecretProof: true);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => GetMeAsync(invoker)));

        Assert.All(statuses, static s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, secrets.Invalidations);
        Assert.Equal(2, secrets.SourceReads);
        var logged = await Admin.FindRequestsAsync("GET", "/v23.0/me");
        Assert.Equal(Concurrency, logged.Count(r => r.Header("Authorization") == "Bearer " + newToken));
    }

    [Fact]
    public async Task Send_190Twice_ThrowsAuthenticationExceptionAfterOneRetry()
    {
        await Admin.StubAsync(RequestPattern.For("GET", "/v23.0/me"), ResponseDefinition.Json(401, Error190));
        var secrets = Secrets(NewSecret("EAAG"), NewSecret("app"));
        var invoker = CreateInvoker(secrets, useAppSecretProof: true);

        var ex = await Assert.ThrowsAsync<WhatsAppAuthenticationException>(() => GetMeAsync(invoker));

        Assert.Equal(190, ex.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(2, (await Admin.FindRequestsAsync("GET", "/v23.0/me")).Count);
        Assert.Equal(1, secrets.Invalidations);
    }

    private async Task StubByTokenAsync(string oldToken, string newToken, int? delayMilliseconds = null)
    {
        await Admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = "/v23.0/me", Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + oldToken) } },
            new ResponseDefinition { Status = 401, JsonBody = Error190, Headers = new() { ["Content-Type"] = "application/json" }, FixedDelayMilliseconds = delayMilliseconds });
        await Admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = "/v23.0/me", Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + newToken) } },
            ResponseDefinition.Json(200, new JsonObject { ["id"] = "1" }));
    }
}
