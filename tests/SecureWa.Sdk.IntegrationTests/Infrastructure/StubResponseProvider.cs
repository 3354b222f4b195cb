using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.ResponseProviders;
using WireMock.Settings;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The WireMock.Net response provider of one stub: marks the request as matched, moves the stub's scenario on,
/// records a requested fault for <see cref="HarnessMiddleware"/>, then lets WireMock.Net's own response builder
/// (status, headers, body, delay) answer.
/// </summary>
internal sealed class StubResponseProvider(StubMapping stub, HarnessState state, IResponseProvider response) : IResponseProvider
{
    /// <inheritdoc />
    public Task<(IResponseMessage Message, IMapping? Mapping)> ProvideResponseAsync(IMapping mapping, HttpContext context, IRequestMessage requestMessage, WireMockServerSettings settings)
    {
        if (HarnessExchange.Current is { } exchange)
        {
            exchange.Request.WasMatched = true;
            exchange.Fault = stub.Response.Fault;
        }

        if (stub.ScenarioName is { } scenario && stub.NewScenarioState is { } next)
        {
            state.SetScenarioState(scenario, next);
        }

        return response.ProvideResponseAsync(mapping, context, requestMessage, settings);
    }
}
