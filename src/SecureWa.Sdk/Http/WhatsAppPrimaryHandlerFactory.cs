using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Http;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> at the bottom of every SDK pipeline: TLS 1.2/1.3 only,
/// certificate chain and host name validation always on (optionally against custom trust anchors), optional
/// SPKI pinning, no automatic redirects, pooled connections recycled so DNS changes are seen. The system proxy
/// (<c>HTTPS_PROXY</c>) is used for https only; plain http requests never go through a proxy.
/// </summary>
public static class WhatsAppPrimaryHandlerFactory
{
    /// <summary>The logger category of the TLS policy's warnings (pin mismatches).</summary>
    public const string LoggerCategory = "SecureWa.Sdk.Transport";

    /// <summary>Creates a primary handler for the given transport options.</summary>
    /// <param name="options">The transport options; should have been validated (the client and <c>AddSecureWa</c> do).</param>
    /// <param name="logger">Where pin mismatches are reported; none by default.</param>
    /// <returns>A new handler; the caller owns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A trust anchor file cannot be loaded.</exception>
    public static SocketsHttpHandler Create(WhatsAppTransportOptions options, ILogger? logger = null) =>
        Create(options, logger, static () => HttpClient.DefaultProxy);

    /// <summary>The same, with the system proxy (<c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c>, read through <see cref="HttpClient.DefaultProxy"/>) supplied by tests.</summary>
    internal static SocketsHttpHandler Create(WhatsAppTransportOptions options, ILogger? logger, Func<IWebProxy?> systemProxy)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policy = new CertificatePolicy(options.DecodePins(), options.PinMode, options.LoadTrustAnchors(), options.CertificateRevocationMode, logger ?? NullLogger.Instance);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = true,
            // The system proxy for https (a tunnel it cannot read); http (a loopback stand-in) always goes direct,
            // so no proxy ever sees the bearer token or appsecret_proof in clear text.
            Proxy = new HttpsOnlyProxy(systemProxy),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        handler.SslOptions.EnabledSslProtocols = GetEnabledProtocols(options);
        handler.SslOptions.CertificateRevocationCheckMode = options.CertificateRevocationMode;
        handler.SslOptions.RemoteCertificateValidationCallback = policy.Validate;
        return handler;
    }

    /// <summary>The protocols the SDK offers: TLS 1.2 and 1.3, or 1.3 only.</summary>
    internal static SslProtocols GetEnabledProtocols(WhatsAppTransportOptions options) =>
        options.RequireTls13 ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13;
}
