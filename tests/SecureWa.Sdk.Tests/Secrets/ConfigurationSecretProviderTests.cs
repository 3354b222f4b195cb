using Microsoft.Extensions.Configuration;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Secrets;

public class ConfigurationSecretProviderTests
{
    private static IConfigurationRoot Build(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task GetSecretAsync_DefaultSection_ReadsWhatsAppKey()
    {
        var provider = new ConfigurationSecretProvider(Build(("WhatsApp:AccessToken", "EAAG-from-user-secrets")));

        var value = await provider.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-from-user-secrets", value.Reveal());
        Assert.Equal("WhatsApp:AccessToken", provider.GetKey(SecretNames.AccessToken));
    }

    [Fact]
    public async Task GetSecretAsync_MappedKey_ReadsIt()
    {
        var options = new ConfigurationSecretProviderOptions();
        options.Keys[SecretNames.AppSecret] = "Meta:App:Secret";
        var provider = new ConfigurationSecretProvider(Build(("Meta:App:Secret", "0123456789abcdef")), options);

        Assert.Equal("0123456789abcdef", (await provider.GetSecretAsync(SecretNames.AppSecret)).Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_ConfigurationReloads_ReturnsNewValue()
    {
        var configuration = Build(("WhatsApp:AccessToken", "EAAG-one"));
        var provider = new ConfigurationSecretProvider(configuration);
        await provider.GetSecretAsync(SecretNames.AccessToken);

        configuration["WhatsApp:AccessToken"] = "EAAG-two";

        Assert.Equal("EAAG-two", (await provider.GetSecretAsync(SecretNames.AccessToken)).Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_MissingKey_ThrowsNotFoundNamingSecretAndKey()
    {
        var provider = new ConfigurationSecretProvider(Build());

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains("'WhatsApp:AccessToken'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'AccessToken'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(" EAAG-padded", "white space")]
    [InlineData("EAAG-padded\n", "white space")]
    public async Task GetSecretAsync_EmptyOrPadded_ThrowsWithoutValue(string value, string expected)
    {
        var provider = new ConfigurationSecretProvider(Build(("WhatsApp:AccessToken", value)));

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => provider.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.IsNotType<SecretNotFoundException>(ex);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("padded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanProvide_KeyPresence()
    {
        var provider = new ConfigurationSecretProvider(Build(("WhatsApp:AccessToken", "EAAG-x")));

        Assert.True(provider.CanProvide(SecretNames.AccessToken));
        Assert.False(provider.CanProvide(SecretNames.AppSecret));
    }
}
