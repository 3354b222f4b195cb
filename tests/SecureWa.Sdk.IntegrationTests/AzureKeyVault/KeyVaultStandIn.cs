using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using SecureWa.Sdk.IntegrationTests.Infrastructure;

namespace SecureWa.Sdk.IntegrationTests.AzureKeyVault;

/// <summary>
/// Stubs the Key Vault REST API (secrets GET; api-version 7.x or dated, 4.11.1 sends 2025-07-01) on an HTTPS WireMock: the bearer challenge for unauthenticated
/// requests, SecretBundle answers, and Key Vault error bodies.
/// </summary>
public sealed class KeyVaultStandIn(HttpsWireMockFixture https)
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public Uri VaultUri => https.Server.HttpsBaseUri!;

    public WireMockAdmin Admin => https.Server.Admin;

    /// <summary>Key Vault's challenge: any request without Authorization gets a 401 naming the tenant and resource.</summary>
    public Task StubChallengeAsync() => Admin.StubAsync(new StubMapping
    {
        Priority = 1,
        Request = new RequestPattern
        {
            Method = "ANY",
            UrlPathPattern = "/.*",
            Headers = new() { ["Authorization"] = StringValuePattern.IsAbsent() },
        },
        Response = ResponseDefinition.Json(
            401,
            new JsonObject { ["error"] = new JsonObject { ["code"] = "Unauthorized", ["message"] = "AKV10000: Request is missing a Bearer or PoP token." } },
            new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"https://vault.azure.net\"",
            }),
    });

    /// <summary>Answers GET /secrets/{name}/{version} (version empty for the latest) with a SecretBundle.</summary>
    public Task StubSecretAsync(string name, string version, string value, bool latest = true, bool enabled = true, DateTimeOffset? expiresOn = null, DateTimeOffset? notBefore = null)
    {
        var attributes = new JsonObject
        {
            ["enabled"] = enabled,
            ["created"] = 1767225600,
            ["updated"] = 1767225600,
            ["recoveryLevel"] = "Recoverable+Purgeable",
            ["recoverableDays"] = 90,
        };
        if (expiresOn is { } exp)
        {
            attributes["exp"] = exp.ToUnixTimeSeconds();
        }

        if (notBefore is { } nbf)
        {
            attributes["nbf"] = nbf.ToUnixTimeSeconds();
        }

        var bundle = new JsonObject
        {
            ["value"] = value,
            ["id"] = new Uri(VaultUri, $"secrets/{name}/{version}").ToString(),
            ["attributes"] = attributes,
            ["tags"] = new JsonObject(),
        };
        return Admin.StubAsync(Authenticated(latest ? $"/secrets/{name}/" : $"/secrets/{name}/{version}"), ResponseDefinition.Json(200, bundle));
    }

    /// <summary>Answers GET /secrets/{name}/ with a Key Vault error.</summary>
    public Task StubErrorAsync(string name, int status, string code, string message) =>
        Admin.StubAsync(
            Authenticated($"/secrets/{name}/"),
            ResponseDefinition.Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }));

    /// <summary>Authenticated GETs of secrets seen by WireMock.</summary>
    public Task<int> CountAuthenticatedGetsAsync(string path) => Admin.CountRequestsAsync(Authenticated(path));

    /// <summary>A SecretClient whose transport trusts only the tests' generated CA; retries off so failures surface at once.</summary>
    public SecretClient CreateClient(FakeTokenCredential credential) => new(VaultUri, credential, CreateClientOptions());

    public SecretClientOptions CreateClientOptions()
    {
        var options = new SecretClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(TestCertificates.CreateHandlerTrusting(https.CertificateAuthority))),
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return options;
    }

    private static RequestPattern Authenticated(string path) => new()
    {
        Method = "GET",
        UrlPath = path,
        Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + FakeTokenCredential.Token) },
        QueryParameters = new() { ["api-version"] = StringValuePattern.Matching("(7\\.[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2})(-preview)?") },
    };

    public static string Version(int n) => n.ToString("x32", CultureInfo.InvariantCulture);
}
