using System.Security.Authentication;
using SecureWa.Sdk.Http;

namespace SecureWa.Sdk.Tests.Http;

public class WhatsAppPrimaryHandlerFactoryTests
{
    [Fact]
    public void Create_Defaults_Tls12And13NoRedirectsValidationCallback()
    {
        using var handler = WhatsAppPrimaryHandlerFactory.Create(new WhatsAppTransportOptions());

        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, handler.SslOptions.EnabledSslProtocols);
        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
        Assert.NotNull(handler.SslOptions.RemoteCertificateValidationCallback);
        Assert.Equal(TimeSpan.FromMinutes(5), handler.PooledConnectionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(10), handler.ConnectTimeout);
    }

    [Fact]
    public void Create_RequireTls13_OnlyTls13()
    {
        using var handler = WhatsAppPrimaryHandlerFactory.Create(new WhatsAppTransportOptions { RequireTls13 = true });

        Assert.Equal(SslProtocols.Tls13, handler.SslOptions.EnabledSslProtocols);
    }
}
