using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Flows.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a WhatsApp Flows data exchange endpoint.</summary>
/// <remarks>
/// A POST route that reads the body within <see cref="WhatsAppFlowEndpointOptions.MaxBodySize"/> (413) and
/// <see cref="WhatsAppFlowEndpointOptions.ReadTimeout"/> (408); verifies <c>X-Hub-Signature-256</c> with the app secret
/// before anything is decoded (<b>432</b> when missing or wrong); decrypts (<b>421</b> when it cannot, so the client
/// re-fetches the public key); answers <c>ping</c> with an encrypted <c>{"data":{"status":"active"}}</c> itself; optionally
/// checks the flow token (427); calls the handler for <c>INIT</c>, <c>data_exchange</c>, <c>BACK</c> and error
/// notifications; and answers 200 with the encrypted response as base64 <c>text/plain</c>. A
/// <see cref="WhatsAppFlowErrorException"/> from the handler becomes its status with an encrypted <c>{"error_msg":…}</c>;
/// any other exception 500. Metrics: <c>securewa.flows.requests</c> (action, outcome) and
/// <c>securewa.flows.request.duration</c>. Call <c>services.AddSecureWaFlows()</c> first.
/// </remarks>
public static class WhatsAppFlowEndpointRouteBuilderExtensions
{
    /// <summary>Maps the flow endpoint with a delegate answering each request.</summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, such as <c>/flows</c>.</param>
    /// <param name="handler">Answers a verified, decrypted request.</param>
    /// <returns>A builder to add conventions to the endpoint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddSecureWaFlows</c> was not called.</exception>
    public static IEndpointConventionBuilder MapWhatsAppFlowEndpoint(this IEndpointRouteBuilder endpoints, string pattern, Func<WhatsAppFlowRequest, CancellationToken, ValueTask<WhatsAppFlowResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (_, request, cancellationToken) => handler(request, cancellationToken));
    }

    /// <summary>Maps the flow endpoint with the <see cref="IWhatsAppFlowHandler"/> registered in DI (resolved per request).</summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, such as <c>/flows</c>.</param>
    /// <returns>A builder to add conventions to the endpoint.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddSecureWaFlows</c> was not called.</exception>
    public static IEndpointConventionBuilder MapWhatsAppFlowEndpoint(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        return Map(endpoints, pattern, static (context, request, cancellationToken) =>
            context.RequestServices.GetRequiredService<IWhatsAppFlowHandler>().HandleAsync(request, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, WhatsAppFlowRequest, CancellationToken, ValueTask<WhatsAppFlowResponse>> handler)
    {
        var endpoint = endpoints.ServiceProvider.GetService<WhatsAppFlowEndpoint>()
            ?? throw new InvalidOperationException("Call services.AddSecureWaFlows() before app.MapWhatsAppFlowEndpoint(...).");
        return endpoints
            .MapMethods(pattern, [HttpMethods.Post], context => endpoint.HandleAsync(context, handler))
            .WithDisplayName("WhatsApp flow endpoint " + pattern);
    }
}
