using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// ASP.NET Core middleware placed in front of WireMock.Net's own (its <c>PreWireMockMiddlewareInit</c> hook). For each
/// request it answers the harness health check, journals the request with its whole body, lets WireMock.Net choose a
/// stub and render the answer into a buffer, and then either sends that answer or, when the stub asked for a fault,
/// performs the fault on the connection's own socket (<see cref="FaultInjector"/>) without sending the answer.
/// </summary>
internal static class HarnessMiddleware
{
    /// <summary>The health path the harness answers itself (Java WireMock's path).</summary>
    public const string HealthPath = "/__admin/health";

    /// <summary>Adds the middleware to WireMock.Net's pipeline.</summary>
    public static void Register(object applicationBuilder, HarnessState state)
    {
        var app = (IApplicationBuilder)applicationBuilder;
        app.Use((context, next) => InvokeAsync(context, next, state));
    }

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next, HarnessState state)
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == HealthPath)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"status":"healthy"}""", context.RequestAborted);
            return;
        }

        var exchange = new HarnessExchange(await CaptureAsync(context, state));
        state.Journal(exchange.Request);

        var responseBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        HarnessExchange.Current = exchange;
        try
        {
            await next(context);
        }
        finally
        {
            HarnessExchange.Current = null;
            context.Features.Set(responseBody);
        }

        if (exchange.Fault is { } fault)
        {
            await FaultInjector.InjectAsync(context, fault);
            return;
        }

        if (!HttpMethods.IsHead(context.Request.Method) && context.Response.StatusCode is not (204 or 304) && context.Response.ContentLength is null)
        {
            context.Response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        try
        {
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client went away (for example during a stub's fixed delay); nothing to answer.
        }
    }

    private static async Task<LoggedRequest> CaptureAsync(HttpContext context, HarnessState state)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        request.Body.Position = 0;

        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = request.Headers.ToDictionary(
            h => h.Key,
            h => (IReadOnlyList<string>)h.Value.Where(v => v is not null).Select(v => v!).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        return new LoggedRequest(
            state.NextRequestSequence(),
            request.Method,
            target,
            $"{request.Scheme}://{request.Host}{target}",
            headers,
            body.ToArray(),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }
}
