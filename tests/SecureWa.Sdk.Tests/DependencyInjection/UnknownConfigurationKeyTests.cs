using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.DependencyInjection;

public sealed class UnknownConfigurationKeyTests
{
    [Fact]
    public async Task AddSecureWa_TypoInTheSection_FailsNamingTheKey()
    {
        // "BaseAdress" silently ignored would send to the real Graph with the real token.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:BaseAdress"] = "https://127.0.0.1:8443/",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token")]));
        services.AddSecureWa(configuration.GetSection("WhatsApp"));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value);

        Assert.Contains("BaseAdress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSecureWa_KnownKeysOnly_Binds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:RateLimiting:PhoneNumberPermitsPerSecond"] = "80",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token")]));
        services.AddSecureWa(configuration.GetSection("WhatsApp"));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("106540352242922", provider.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value.PhoneNumberId);
    }
}
