using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.AspNetCore.Internal;
using SecureWa.Sdk.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the WhatsApp Cloud API webhook endpoint.</summary>
/// <remarks>
/// One route answers both verbs. <b>GET</b> is the subscription handshake: 200 with <c>hub.challenge</c> when
/// <c>hub.verify_token</c> matches the verify token (compared in constant time), 403 otherwise. <b>POST</b> reads the raw
/// body within <see cref="WhatsAppWebhookOptions.MaxBodySize"/> (413 beyond, from <c>Content-Length</c> or while
/// reading; the buffer grows with the bytes received, never from the claimed length; 408 when the body takes longer than
/// <see cref="WhatsAppWebhookOptions.BodyReadTimeout"/>), verifies <c>X-Hub-Signature-256</c> before anything is parsed (401 when it is missing or wrong; counted in
/// the <c>securewa.webhooks.signature_rejected</c> metric), parses (400 when malformed), answers 200 without calling the
/// handler for a redelivery, and otherwise calls the handler and answers 200 (500 when it throws, so Meta retries).
/// App secret and verify token come from the registered <see cref="SecureWa.Sdk.Secrets.ISecretProvider"/> on every
/// request; when the app secret changes, the verifier is rebuilt. Call <c>services.AddSecureWaWebhooks()</c> first.
/// </remarks>
public static class WhatsAppWebhookEndpointRouteBuilderExtensions
{
    /// <summary>Maps the webhook endpoint with a delegate handling each verified notification.</summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, such as <c>/webhooks/whatsapp</c>.</param>
    /// <param name="handler">Handles a verified, parsed notification that is not a replay.</param>
    /// <returns>A builder to add conventions (rate limiting, host filtering) to the endpoint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddSecureWaWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder endpoints, string pattern, Func<WebhookNotification, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (_, notification, cancellationToken) => handler(notification, cancellationToken));
    }

    /// <summary>Maps the webhook endpoint with the <see cref="IWhatsAppWebhookHandler"/> registered in DI (resolved per request).</summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, such as <c>/webhooks/whatsapp</c>.</param>
    /// <returns>A builder to add conventions to the endpoint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddSecureWaWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        return Map(endpoints, pattern, static (context, notification, cancellationToken) =>
            context.RequestServices.GetRequiredService<IWhatsAppWebhookHandler>().HandleAsync(notification, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, WebhookNotification, CancellationToken, Task> handler)
    {
        var endpoint = endpoints.ServiceProvider.GetService<WhatsAppWebhookEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddSecureWaWebhooks() before app.MapWhatsAppWebhook(...).");
        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], context => endpoint.HandleAsync(context, handler))
            .WithDisplayName("WhatsApp webhook " + pattern);
    }
}
