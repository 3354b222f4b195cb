using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.DependencyInjection;

public sealed class SecretProviderRegistrationTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static InMemorySecretProvider Tokens(bool withAppSecret = false)
    {
        var provider = new InMemorySecretProvider();
        provider.Set(SecretNames.AccessToken, "EAAG-di-token");
        if (withAppSecret)
        {
            provider.Set(SecretNames.AppSecret, "app-secret-0123");
        }

        return provider;
    }

    [Fact]
    public void AddSecretProvider_Instance_IsWrappedInCacheByDefault()
    {
        var inner = Tokens();
        var services = new ServiceCollection();
        services.AddSecureWa().AddSecretProvider(inner);
        using var sp = services.BuildServiceProvider();

        var provider = sp.GetRequiredService<ISecretProvider>();

        var cache = Assert.IsType<CachingSecretProvider>(provider);
        Assert.Same(inner, cache.InnerProvider);
        Assert.Same(provider, sp.GetRequiredService<ISecretProvider>());
    }

    [Fact]
    public void AddSecretProvider_Several_AreChainedInRegistrationOrder()
    {
        var services = new ServiceCollection();
        services.AddSecureWa()
            .AddFileSecrets(_dir.Path)
            .AddSecretProvider<InMemorySecretProvider>()
            .DisableSecretCaching();
        using var sp = services.BuildServiceProvider();

        var chain = Assert.IsType<ChainedSecretProvider>(sp.GetRequiredService<ISecretProvider>());

        Assert.IsType<FileSecretProvider>(chain.Providers[0]);
        Assert.Same(sp.GetRequiredService<InMemorySecretProvider>(), chain.Providers[1]);
    }

    [Fact]
    public void AddSecureWa_NoProviderAdded_UsesEnvironmentProvider()
    {
        var services = new ServiceCollection();
        services.AddSecureWa().DisableSecretCaching();
        using var sp = services.BuildServiceProvider();

        Assert.IsType<EnvironmentSecretProvider>(sp.GetRequiredService<ISecretProvider>());
    }

    [Fact]
    public void AddSecureWa_ProviderRegisteredByHandBefore_TakesPrecedence()
    {
        var mine = Tokens();
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(mine);
        services.AddSecureWa().AddFileSecrets(_dir.Path);
        using var sp = services.BuildServiceProvider();

        Assert.Same(mine, sp.GetRequiredService<ISecretProvider>());
    }

    [Fact]
    public void ValidateOnStart_NoProviderCanServeAccessToken_FailsNamingIt()
    {
        var variable = "SECUREWA_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        var services = new ServiceCollection();
        services.AddSecureWa().AddEnvironmentSecrets([new(SecretNames.AccessToken, variable)]);
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'AccessToken'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'AppSecret'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_AppSecretProofWithoutAppSecret_FailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddSecureWa(o => o.UseAppSecretProof = true).AddSecretProvider(Tokens());
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'AppSecret'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseAppSecretProof", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void ValidateOnStart_RequiredSecretsAvailable_Passes(bool useAppSecretProof, bool withAppSecret)
    {
        var services = new ServiceCollection();
        services.AddSecureWa(o => o.UseAppSecretProof = useAppSecretProof).AddSecretProvider(Tokens(withAppSecret));
        using var sp = services.BuildServiceProvider();

        sp.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(useAppSecretProof, sp.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value.UseAppSecretProof);
    }

    [Fact]
    public void ValidateOnStart_FileProviderWithoutTheFile_FailsAndWithTheFilePasses()
    {
        var services = new ServiceCollection();
        services.AddSecureWa().AddFileSecrets(_dir.Path);
        using var sp = services.BuildServiceProvider();
        var validator = sp.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
        _dir.WriteFile(SecretNames.AccessToken, "EAAG-file\n");
        var fresh = new ServiceCollection();
        fresh.AddSecureWa().AddFileSecrets(_dir.Path);
        using var sp2 = fresh.BuildServiceProvider();
        sp2.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task ConfigureSecretCaching_TimeToLiveAndCallback_AreApplied()
    {
        var time = new FakeTimeProvider();
        var inner = Tokens();
        var rotations = new List<SecretRotatedEventArgs>();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSecureWa()
            .AddSecretProvider(inner)
            .ConfigureSecretCaching(o =>
            {
                o.TimeToLive = TimeSpan.FromMinutes(1);
                o.RefreshAhead = TimeSpan.Zero;
                o.OnSecretRotated = rotations.Add;
            });
        using var sp = services.BuildServiceProvider();
        var provider = sp.GetRequiredService<ISecretProvider>();
        await provider.GetSecretAsync(SecretNames.AccessToken);

        inner.Set(SecretNames.AccessToken, "EAAG-rotated", "v2", null);
        var beforeTtl = await provider.GetSecretAsync(SecretNames.AccessToken);
        time.Advance(TimeSpan.FromMinutes(1));
        var afterTtl = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-di-token", beforeTtl.Reveal());
        Assert.Equal("EAAG-rotated", afterTtl.Reveal());
        Assert.Equal("v2", Assert.Single(rotations).CurrentVersion);
    }

    [Fact]
    public async Task AddConfigurationSecrets_UsesConfigurationFromDI()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("WhatsApp:AccessToken", "EAAG-user-secrets")])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSecureWa().AddConfigurationSecrets();
        using var sp = services.BuildServiceProvider();

        sp.GetRequiredService<IStartupValidator>().Validate();
        var value = await sp.GetRequiredService<ISecretProvider>().GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-user-secrets", value.Reveal());
    }

    [Fact]
    public void Extensions_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddSecureWa();

        Assert.Throws<ArgumentNullException>(() => builder.AddSecretProvider((ISecretProvider)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddSecretProvider((Func<IServiceProvider, ISecretProvider>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddFileSecrets((Action<FileSecretProviderOptions>)null!));
        Assert.Throws<ArgumentException>(() => builder.AddFileSecrets(string.Empty));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureSecretCaching(null!));
        Assert.Throws<ArgumentNullException>(() => ((IHttpClientBuilder)null!).AddEnvironmentSecrets());
    }
}
