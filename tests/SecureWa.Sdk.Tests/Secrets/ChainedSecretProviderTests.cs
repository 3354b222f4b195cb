using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Secrets;

public sealed class ChainedSecretProviderTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GetSecretAsync_FirstProviderHasIt_ReturnsItWithoutAskingTheRest()
    {
        var second = new ScriptedSecretProvider();
        var chain = new ChainedSecretProvider(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-first")]), second);

        var value = await chain.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-first", value.Reveal());
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_NotFoundInFirst_MovesToNext()
    {
        var chain = new ChainedSecretProvider(new FileSecretProvider(_dir.Path), new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-second")]));

        var value = await chain.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-second", value.Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_BrokenSecretInFirst_StopsTheChain()
    {
        _dir.WriteFile(SecretNames.AccessToken, "EAAG-world-readable", TemporaryDirectory.OwnerOnly | UnixFileMode.OtherRead);
        var fallback = new ScriptedSecretProvider();
        var chain = new ChainedSecretProvider(new FileSecretProvider(_dir.Path), fallback);

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => chain.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("every user", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_NoneHasIt_ThrowsNotFoundListingEachMiss()
    {
        var chain = new ChainedSecretProvider(new FileSecretProvider(_dir.Path), new InMemorySecretProvider());

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => chain.GetSecretAsync(SecretNames.AppSecret).AsTask());

        Assert.Equal(SecretNames.AppSecret, ex.SecretName);
        Assert.Contains("None of the 2 chained providers has the secret 'AppSecret'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No in-memory secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalidate_ReachesEveryProvider()
    {
        var first = new ScriptedSecretProvider();
        var second = new ScriptedSecretProvider();
        ISecretProvider chain = new ChainedSecretProvider(first, second);

        chain.Invalidate(SecretNames.AccessToken);
        chain.Invalidate(SecretNames.AccessToken, new SecretValue("EAAG-rejected"));

        Assert.Equal(2, first.Invalidations);
        Assert.Equal(2, second.Invalidations);
    }

    [Fact]
    public void CanProvide_AnyProviderCan_True_ProviderWithoutCatalogCountsAsAble()
    {
        var empty = new InMemorySecretProvider();
        var full = new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-x")]);

        Assert.True(new ChainedSecretProvider(empty, full).CanProvide(SecretNames.AccessToken));
        Assert.False(new ChainedSecretProvider(empty, full).CanProvide(SecretNames.AppSecret));
        Assert.True(new ChainedSecretProvider(empty, new ScriptedSecretProvider()).CanProvide(SecretNames.AppSecret));
    }

    [Fact]
    public void Constructor_EmptyOrNull_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ChainedSecretProvider());
        Assert.Throws<ArgumentNullException>(() => new ChainedSecretProvider(new InMemorySecretProvider(), null!));
    }
}
