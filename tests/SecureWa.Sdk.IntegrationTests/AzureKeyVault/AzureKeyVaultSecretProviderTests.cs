using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.AzureKeyVault;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.AzureKeyVault;

/// <summary>
/// The Key Vault provider against a Key Vault REST stand-in on WireMock over HTTPS. The real SecretClient runs its
/// real pipeline: bearer challenge, token from the credential, TLS trusting only the tests' CA.
/// </summary>
public sealed class AzureKeyVaultSecretProviderTests : IClassFixture<HttpsWireMockFixture>, IAsyncLifetime
{
    private const string TokenSecret = "whatsapp-access-token";
    private readonly KeyVaultStandIn _vault;
    private readonly FakeTokenCredential _credential = new();

    public AzureKeyVaultSecretProviderTests(HttpsWireMockFixture https) => _vault = new KeyVaultStandIn(https);

    public async Task InitializeAsync()
    {
        await _vault.Admin.ResetAsync();
        await _vault.StubChallengeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetSecretAsync_LatestVersion_MapsValueVersionAndExpiry()
    {
        var expiresOn = DateTimeOffset.UtcNow.AddDays(30);
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(1), "EAAG-from-key-vault-0001", expiresOn: expiresOn);
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));

        var secret = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-from-key-vault-0001", secret.Reveal());
        Assert.Equal(KeyVaultStandIn.Version(1), secret.Version);
        Assert.Equal(expiresOn.ToUnixTimeSeconds(), secret.ExpiresOn!.Value.ToUnixTimeSeconds());
        Assert.Equal(1, await _vault.CountAuthenticatedGetsAsync($"/secrets/{TokenSecret}/"));
        Assert.Contains(_credential.Requests, r => r.Scopes.Contains("https://vault.azure.net/.default") && r.TenantId == KeyVaultStandIn.TenantId);
    }

    [Fact]
    public async Task GetSecretAsync_ConstructedFromUriAndCredential_ReadsWithBearerToken()
    {
        await _vault.StubSecretAsync("whatsapp-app-secret", KeyVaultStandIn.Version(7), "app-secret-from-vault");
        var options = new AzureKeyVaultSecretProviderOptions { ClientOptions = _vault.CreateClientOptions() };
        var provider = new AzureKeyVaultSecretProvider(_vault.VaultUri, _credential, options);

        var secret = await provider.GetSecretAsync(SecretNames.AppSecret);

        Assert.Equal("app-secret-from-vault", secret.Reveal());
        Assert.Null(secret.ExpiresOn);
        Assert.NotEmpty(_credential.Requests);
    }

    [Fact]
    public async Task GetSecretAsync_PinnedVersion_ReadsThatVersion()
    {
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(2), "EAAG-latest");
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(1), "EAAG-pinned", latest: false);
        var options = new AzureKeyVaultSecretProviderOptions();
        options.PinnedVersions[SecretNames.AccessToken] = KeyVaultStandIn.Version(1);
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential), options);

        var secret = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-pinned", secret.Reveal());
        Assert.Equal(KeyVaultStandIn.Version(1), secret.Version);
        Assert.Equal(1, await _vault.CountAuthenticatedGetsAsync($"/secrets/{TokenSecret}/{KeyVaultStandIn.Version(1)}"));
    }

    [Fact]
    public async Task GetSecretAsync_VersionChangesInVault_CacheServesNewValueAndRaisesRotation()
    {
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(1), "EAAG-version-one");
        var cache = new CachingSecretProvider(new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential)));
        var rotations = new List<SecretRotatedEventArgs>();
        cache.SecretRotated += (_, e) => rotations.Add(e);
        var before = await cache.GetSecretAsync(SecretNames.AccessToken);

        // The vault gets a new version (WireMock prefers the newest stub); the app learns of it through a 190.
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(2), "EAAG-version-two");
        var stillCached = await cache.GetSecretAsync(SecretNames.AccessToken);
        cache.Invalidate(SecretNames.AccessToken);
        var after = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-version-one", before.Reveal());
        Assert.Same(before, stillCached);
        Assert.Equal("EAAG-version-two", after.Reveal());
        var rotation = Assert.Single(rotations);
        Assert.Equal(KeyVaultStandIn.Version(1), rotation.PreviousVersion);
        Assert.Equal(KeyVaultStandIn.Version(2), rotation.CurrentVersion);
        Assert.Equal(2, await _vault.CountAuthenticatedGetsAsync($"/secrets/{TokenSecret}/"));
    }

    [Fact]
    public async Task GetSecretAsync_Forbidden_ThrowsProviderErrorWithoutBody()
    {
        await _vault.StubErrorAsync(TokenSecret, 403, "Forbidden", "Caller is not authorized. body-marker-5f2c");
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.IsNotType<SecretNotFoundException>(ex);
        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains("HTTP 403, Forbidden", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'whatsapp-access-token'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("body-marker", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_NotFound_ThrowsNotFoundSoAChainMovesOn()
    {
        await _vault.StubErrorAsync(TokenSecret, 404, "SecretNotFound", "A secret with (name/id) whatsapp-access-token was not found in this key vault.");
        var vault = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));
        var fallback = new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-fallback")]);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => vault.GetSecretAsync(SecretNames.AccessToken).AsTask());
        var chained = await new ChainedSecretProvider(vault, fallback).GetSecretAsync(SecretNames.AccessToken);

        Assert.Contains("HTTP 404, SecretNotFound", ex.Message, StringComparison.Ordinal);
        Assert.Equal("EAAG-fallback", chained.Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_DisabledSecret_IsRefused()
    {
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(3), "EAAG-disabled", enabled: false);
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("is disabled", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG-disabled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_ExpiredOrNotYetValidSecret_IsRefused()
    {
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(4), "EAAG-expired", expiresOn: DateTimeOffset.UtcNow.AddDays(-1));
        await _vault.StubSecretAsync("whatsapp-app-secret", KeyVaultStandIn.Version(5), "future-secret", notBefore: DateTimeOffset.UtcNow.AddDays(1));
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));

        var expired = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());
        var early = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AppSecret).AsTask());

        Assert.Contains("expired at", expired.Message, StringComparison.Ordinal);
        Assert.Contains("not valid before", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_UnmappedName_ThrowsNotFoundWithoutCallingVault()
    {
        var provider = new AzureKeyVaultSecretProvider(_vault.CreateClient(_credential));

        await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync("SomethingElse").AsTask());

        Assert.Empty(await _vault.Admin.GetRequestsAsync());
        Assert.False(provider.CanProvide("SomethingElse"));
        Assert.True(provider.CanProvide(SecretNames.AccessToken));
    }

    [Fact]
    public async Task AddAzureKeyVaultSecrets_DI_ValidatesWithoutCallingVaultAndReadsThroughCache()
    {
        await _vault.StubSecretAsync(TokenSecret, KeyVaultStandIn.Version(6), "EAAG-through-di");
        var services = new ServiceCollection();
        services.AddSecureWa().AddAzureKeyVaultSecrets(_vault.VaultUri, _credential, o => o.ClientOptions = _vault.CreateClientOptions());
        await using var sp = services.BuildServiceProvider();

        sp.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(await _vault.Admin.GetRequestsAsync());
        var provider = sp.GetRequiredService<ISecretProvider>();
        var first = await provider.GetSecretAsync(SecretNames.AccessToken);
        var second = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.IsType<CachingSecretProvider>(provider);
        Assert.Equal("EAAG-through-di", first.Reveal());
        Assert.Same(first, second);
        Assert.Equal(1, await _vault.CountAuthenticatedGetsAsync($"/secrets/{TokenSecret}/"));
    }
}
