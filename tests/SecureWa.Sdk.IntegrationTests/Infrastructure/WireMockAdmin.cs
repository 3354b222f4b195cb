using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMockNetServer = WireMock.Server.WireMockServer;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The typed admin of an in-process <see cref="WireMockServer"/>: stubs (request pattern, response, priority, scenario
/// state), transport faults, the request journal and resets. Stubs become WireMock.Net mappings through its C# API
/// (<c>Given(...).AtPriority(...).RespondWith(...)</c>), matched with Java WireMock's pattern semantics
/// (<see cref="RequestPatternMatcher"/>); the journal and scenario states are the harness's own.
/// </summary>
public sealed class WireMockAdmin : IDisposable
{
    /// <summary>Java WireMock's default stub priority (lower wins).</summary>
    public const int DefaultPriority = 5;

    // WireMock.Net breaks priority ties by creation time; the harness encodes "later stub wins" in the priority itself.
    private const int StubsPerPriority = 100_000;

    private readonly WireMockNetServer _server;
    private readonly HarnessState _state;
    private readonly HttpClient _http;

    internal WireMockAdmin(WireMockNetServer server, HarnessState state, Uri baseUri)
    {
        _server = server;
        _state = state;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Adds a stub. Returns its id.</summary>
    /// <exception cref="HttpRequestException">The mapping is invalid (the message says why), as Java WireMock's admin answered.</exception>
    public Task<Guid> StubAsync(StubMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        cancellationToken.ThrowIfCancellationRequested();
        IResponseBuilder response;
        try
        {
            RequestPatternMatcher.Validate(mapping.Request);
            if (mapping.Priority is < 1 or > 20_000)
            {
                throw new ArgumentException($"priority {mapping.Priority} is outside 1..20000.", nameof(mapping));
            }

            response = BuildResponse(mapping.Response);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new HttpRequestException($"WireMock refused to create a stub: {ex.Message}", ex, HttpStatusCode.UnprocessableEntity);
        }

        var order = _state.NextStubOrder();
        if (order >= StubsPerPriority)
        {
            throw new HttpRequestException($"WireMock refused to create a stub: more than {StubsPerPriority - 1} stubs since the last reset.");
        }

        var id = mapping.Id ?? Guid.NewGuid();
        _server
            .Given(Request.Create().Add(new StubRequestMatcher(mapping, _state)))
            .WithGuid(id)
            .AtPriority(((mapping.Priority ?? DefaultPriority) * StubsPerPriority) + (StubsPerPriority - order))
            .RespondWith(new StubResponseProvider(mapping, _state, response));
        return Task.FromResult(id);
    }

    /// <summary>Adds a stub from its parts.</summary>
    /// <exception cref="HttpRequestException">The mapping is invalid.</exception>
    public Task<Guid> StubAsync(RequestPattern request, ResponseDefinition response, CancellationToken cancellationToken = default) =>
        StubAsync(new StubMapping { Request = request, Response = response }, cancellationToken);

    /// <summary>Removes all stubs, clears the request journal and resets all scenarios.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _server.ResetMappings();
        _state.ResetStubOrder();
        _state.ClearJournal();
        _state.ResetScenarios();
        return Task.CompletedTask;
    }

    /// <summary>Clears only the request journal.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task ResetRequestsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _state.ClearJournal();
        return Task.CompletedTask;
    }

    /// <summary>Puts every scenario back in state <see cref="StubMapping.ScenarioStarted"/>.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task ResetScenariosAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _state.ResetScenarios();
        return Task.CompletedTask;
    }

    /// <summary>All journaled requests, oldest first.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<IReadOnlyList<LoggedRequest>> GetRequestsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_state.Requests());
    }

    /// <summary>Journaled requests matching <paramref name="pattern"/>, oldest first.</summary>
    /// <exception cref="HttpRequestException">The pattern is invalid.</exception>
    public Task<IReadOnlyList<LoggedRequest>> FindRequestsAsync(RequestPattern pattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        cancellationToken.ThrowIfCancellationRequested();
        ValidateQuery(pattern);
        IReadOnlyList<LoggedRequest> found = _state.Requests().Where(r => RequestPatternMatcher.Matches(pattern, r)).ToList();
        return Task.FromResult(found);
    }

    /// <summary>Journaled requests with <paramref name="method"/> to exactly <paramref name="urlPath"/>, oldest first.</summary>
    /// <exception cref="HttpRequestException">The pattern is invalid.</exception>
    public Task<IReadOnlyList<LoggedRequest>> FindRequestsAsync(string method, string urlPath, CancellationToken cancellationToken = default) =>
        FindRequestsAsync(RequestPattern.For(method, urlPath), cancellationToken);

    /// <summary>How many journaled requests match <paramref name="pattern"/>.</summary>
    /// <exception cref="HttpRequestException">The pattern is invalid.</exception>
    public async Task<int> CountRequestsAsync(RequestPattern pattern, CancellationToken cancellationToken = default) =>
        (await FindRequestsAsync(pattern, cancellationToken)).Count;

    /// <summary>Journaled requests that matched no stub (useful in failure messages).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task<IReadOnlyList<LoggedRequest>> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<LoggedRequest> unmatched = _state.Requests().Where(r => !r.WasMatched).ToList();
        return Task.FromResult(unmatched);
    }

    /// <summary>
    /// Whether <c>GET /__admin/health</c> on the server's HTTP listener answers <c>"status": "healthy"</c> (a real
    /// request over loopback). Never throws for connection failures.
    /// </summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await _http.GetAsync(HarnessMiddleware.HealthPath.TrimStart('/'), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var health = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            return health?["status"]?.GetValue<string>() == "healthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Disposes the health-check HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private static void ValidateQuery(RequestPattern pattern)
    {
        try
        {
            RequestPatternMatcher.Validate(pattern);
        }
        catch (ArgumentException ex)
        {
            throw new HttpRequestException($"WireMock refused to search the journal: {ex.Message}", ex, HttpStatusCode.UnprocessableEntity);
        }
    }

    private static IResponseBuilder BuildResponse(ResponseDefinition definition)
    {
        var response = Response.Create().WithStatusCode(definition.Status);
        foreach (var (name, value) in definition.Headers ?? [])
        {
            response = response.WithHeader(name, value);
        }

        var bodies = new object?[] { definition.JsonBody, definition.Body, definition.Base64Body }.Count(b => b is not null);
        if (bodies > 1)
        {
            throw new ArgumentException("only one of jsonBody, body and base64Body may be set.", nameof(definition));
        }

        if (definition.JsonBody is { } json)
        {
            response = response.WithBody(json.ToJsonString());
        }
        else if (definition.Body is { } text)
        {
            response = response.WithBody(text);
        }
        else if (definition.Base64Body is { } base64)
        {
            response = response.WithBody(Convert.FromBase64String(base64));
        }

        if (definition.FixedDelayMilliseconds is { } delay)
        {
            response = response.WithDelay(delay);
        }

        return response;
    }
}
