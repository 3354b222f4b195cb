using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Http;

public class TransportDependencyInjectionTests
{
    [Fact]
    public void AddSecureWa_MalformedPin_OptionsValidationNamesEntry()
    {
        var services = new ServiceCollection();
        services.AddSecureWa(o =>
        {
            o.Transport.SpkiPins.Add(Convert.ToBase64String(new byte[32]));
            o.Transport.SpkiPins.Add("%%%");
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value);

        Assert.Contains(ex.Failures, static f => f.StartsWith("Transport.SpkiPins[1] is not valid base64", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSecureWa_ValidPins_ChainIsAuthenticationOverSdkPrimaryHandler()
    {
        var services = new ServiceCollection();
        services.AddSecureWa(o => o.Transport.SpkiPins.Add(Convert.ToBase64String(new byte[32])))
            .AddSecretProvider(new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-test-token")]));
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SecureWa.Sdk.Http.Internal.WhatsAppHttpPipeline.HttpClientName);
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(current);
        }

        Assert.Contains(chain, static h => h is SecureWa.Sdk.Http.AuthenticationHandler);
        var primary = Assert.IsType<SocketsHttpHandler>(chain[^1]);
        Assert.False(primary.AllowAutoRedirect);
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, primary.SslOptions.EnabledSslProtocols);
        Assert.NotNull(primary.SslOptions.RemoteCertificateValidationCallback);
    }
}
