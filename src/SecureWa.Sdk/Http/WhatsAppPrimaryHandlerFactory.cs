using System.Net;
using System.Security.Authentication;

namespace SecureWa.Sdk.Http;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> at the bottom of every SDK pipeline: TLS 1.2/1.3 only,
/// certificate validation always on, no automatic redirects, pooled connections recycled so DNS changes are seen.
/// </summary>
public static class WhatsAppPrimaryHandlerFactory
{
    /// <summary>Creates a primary handler for the given transport options.</summary>
    /// <param name="options">The transport options.</param>
    /// <returns>A new handler; the caller owns it.</returns>
    public static SocketsHttpHandler Create(WhatsAppTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = true,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslOptions.CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
        return handler;
    }
}
