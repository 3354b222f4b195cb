using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Composes the handler chain for clients built without DI. The DI registration
/// (<c>AddSecureWa</c>) composes the same handlers, in the same order, through <c>IHttpClientBuilder</c>.
/// Outer to inner: authentication → primary (TLS policy).
/// </summary>
internal static class WhatsAppHttpPipeline
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddSecureWa</c>.</summary>
    public const string HttpClientName = "SecureWa.Sdk";

    public static HttpMessageHandler CreateHandlerChain(WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _ = timeProvider;
        var primary = WhatsAppPrimaryHandlerFactory.Create(options.Transport, loggerFactory.CreateLogger(WhatsAppPrimaryHandlerFactory.LoggerCategory));
        return new AuthenticationHandler(secretProvider, options, loggerFactory.CreateLogger<AuthenticationHandler>()) { InnerHandler = primary };
    }
}
