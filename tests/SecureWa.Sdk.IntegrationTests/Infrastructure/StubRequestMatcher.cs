using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The WireMock.Net request matcher of one stub: the stub's <see cref="RequestPattern"/> (Java WireMock semantics,
/// see <see cref="RequestPatternMatcher"/>) over the journaled request, and its required scenario state.
/// </summary>
internal sealed class StubRequestMatcher(StubMapping stub, HarnessState state) : IRequestMatcher
{
    /// <inheritdoc />
    public RequestMatcherType Type => RequestMatcherType.Composite;

    /// <inheritdoc />
    public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult)
    {
        ArgumentNullException.ThrowIfNull(requestMatchResult);
        var request = HarnessExchange.Current?.Request;
        var matches = request is not null
            && (stub.ScenarioName is null || stub.RequiredScenarioState is null || state.ScenarioState(stub.ScenarioName) == stub.RequiredScenarioState)
            && RequestPatternMatcher.Matches(stub.Request, request);
        return requestMatchResult.AddScore(GetType(), matches ? MatchScores.Perfect : MatchScores.Mismatch, null);
    }
}
