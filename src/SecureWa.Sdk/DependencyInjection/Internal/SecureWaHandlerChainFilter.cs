using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>
/// Keeps resilience handlers the SDK did not configure off the SDK's <see cref="HttpClient"/>. A host that puts a
/// resilience handler on every client (<c>ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler())</c>, as the
/// .NET Aspire service defaults do) would otherwise wrap the SDK's pipeline and resend a message whose outcome is
/// unknown. Runs after every configuration action of the client (a filter wraps them all, whatever the order of
/// registration), and removes each Microsoft.Extensions.Http.Resilience handler except the SDK's own (the one right
/// after the SDK's outcome handler), and Polly v7 policy handlers (Microsoft.Extensions.Http.Polly). Then it wraps the
/// primary handler (the SDK's TLS handler, or whatever the application configured) in the
/// <see cref="AuthenticationHandler"/>, so the token and the <c>appsecret_proof</c> are added innermost: no handler an
/// application adds with <c>AddHttpMessageHandler</c> ever sees them.
/// </summary>
internal sealed class SecureWaHandlerChainFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (builder.Name == WhatsAppHttpPipeline.HttpClientName)
            {
                RemoveForeignResilienceHandlers(builder.AdditionalHandlers);
                var services = builder.Services;
                builder.PrimaryHandler = new AuthenticationHandler(
                    services.GetRequiredService<ISecretProvider>(),
                    services.GetRequiredService<IOptionsMonitor<WhatsAppClientOptions>>().CurrentValue,
                    services.GetService<ILogger<AuthenticationHandler>>())
                {
                    InnerHandler = builder.PrimaryHandler,
                };
            }
        };
    }

    /// <summary>Removes every retrying handler that is not the SDK's own; returns how many were removed.</summary>
    internal static int RemoveForeignResilienceHandlers(IList<DelegatingHandler> handlers)
    {
        var removed = 0;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            var handler = handlers[i];
            var isOurs = i > 0 && handlers[i - 1] is ResilienceHandler;
            if ((handler is Microsoft.Extensions.Http.Resilience.ResilienceHandler && !isOurs) || IsPollyV7PolicyHandler(handler))
            {
                handlers.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    private static bool IsPollyV7PolicyHandler(DelegatingHandler handler) =>
        handler.GetType().FullName == "Microsoft.Extensions.Http.PolicyHttpMessageHandler";
}
