using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
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
        Assert.Equal(X509RevocationMode.NoCheck, handler.SslOptions.CertificateRevocationCheckMode);
    }

    [Fact]
    public void Create_RevocationModeOnline_HandshakeChecksRevocation()
    {
        using var handler = WhatsAppPrimaryHandlerFactory.Create(new WhatsAppTransportOptions { CertificateRevocationMode = X509RevocationMode.Online });

        Assert.Equal(X509RevocationMode.Online, handler.SslOptions.CertificateRevocationCheckMode);
    }

    [Fact]
    public void Create_RequireTls13_OnlyTls13()
    {
        using var handler = WhatsAppPrimaryHandlerFactory.Create(new WhatsAppTransportOptions { RequireTls13 = true });

        Assert.Equal(SslProtocols.Tls13, handler.SslOptions.EnabledSslProtocols);
    }
}
