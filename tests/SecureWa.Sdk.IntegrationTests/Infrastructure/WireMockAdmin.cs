using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// A typed client for WireMock's admin REST API (<c>/__admin</c>): stubs, reset, and the request journal.
/// </summary>
public sealed class WireMockAdmin : IDisposable
{
    /// <summary>The JSON settings used for admin payloads (camelCase, nulls omitted).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    /// <summary>Creates a client for the WireMock at <paramref name="baseUri"/> (its plain HTTP address).</summary>
    public WireMockAdmin(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = new Uri(baseUri, "/__admin/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Adds a stub. Returns its id.</summary>
    /// <exception cref="HttpRequestException">WireMock rejected the mapping (the message carries its answer).</exception>
    public async Task<Guid> StubAsync(StubMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        using var response = await _http.PostAsJsonAsync("mappings", mapping, JsonOptions, cancellationToken);
        await EnsureSuccessAsync(response, "create a stub", cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(JsonOptions, cancellationToken);
        return Guid.Parse(created!["id"]!.GetValue<string>());
    }

    /// <summary>Adds a stub from its parts.</summary>
    /// <exception cref="HttpRequestException">WireMock rejected the mapping.</exception>
    public Task<Guid> StubAsync(RequestPattern request, ResponseDefinition response, CancellationToken cancellationToken = default) =>
        StubAsync(new StubMapping { Request = request, Response = response }, cancellationToken);

    /// <summary>Removes all stubs, clears the request journal and resets all scenarios (<c>POST /__admin/reset</c>).</summary>
    /// <exception cref="HttpRequestException">WireMock did not accept the reset.</exception>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("reset", content: null, cancellationToken);
        await EnsureSuccessAsync(response, "reset", cancellationToken);
    }

    /// <summary>Clears only the request journal.</summary>
    /// <exception cref="HttpRequestException">WireMock did not accept the request.</exception>
    public async Task ResetRequestsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("requests", cancellationToken);
        await EnsureSuccessAsync(response, "clear the journal", cancellationToken);
    }

    /// <summary>Puts every scenario back in state <see cref="StubMapping.ScenarioStarted"/>.</summary>
    /// <exception cref="HttpRequestException">WireMock did not accept the request.</exception>
    public async Task ResetScenariosAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync("scenarios/reset", content: null, cancellationToken);
        await EnsureSuccessAsync(response, "reset scenarios", cancellationToken);
    }

    /// <summary>All journaled requests, oldest first.</summary>
    /// <exception cref="HttpRequestException">WireMock did not answer.</exception>
    public async Task<IReadOnlyList<LoggedRequest>> GetRequestsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync("requests", cancellationToken);
        await EnsureSuccessAsync(response, "read the journal", cancellationToken);
        var journal = await response.Content.ReadFromJsonAsync<ServeEventList>(JsonOptions, cancellationToken);

        // WireMock lists newest first.
        return (journal?.Requests ?? []).Select(e => e.Request).Reverse().ToList();
    }

    /// <summary>Journaled requests matching <paramref name="pattern"/>, oldest first.</summary>
    /// <exception cref="HttpRequestException">WireMock did not answer.</exception>
    public async Task<IReadOnlyList<LoggedRequest>> FindRequestsAsync(RequestPattern pattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        using var response = await _http.PostAsJsonAsync("requests/find", pattern, JsonOptions, cancellationToken);
        await EnsureSuccessAsync(response, "search the journal", cancellationToken);
        var found = await response.Content.ReadFromJsonAsync<LoggedRequestList>(JsonOptions, cancellationToken);
        return (found?.Requests ?? []).OrderBy(r => r.LoggedDate).ToList();
    }

    /// <summary>Journaled requests with <paramref name="method"/> to exactly <paramref name="urlPath"/>, oldest first.</summary>
    /// <exception cref="HttpRequestException">WireMock did not answer.</exception>
    public Task<IReadOnlyList<LoggedRequest>> FindRequestsAsync(string method, string urlPath, CancellationToken cancellationToken = default) =>
        FindRequestsAsync(RequestPattern.For(method, urlPath), cancellationToken);

    /// <summary>How many journaled requests match <paramref name="pattern"/> (<c>POST /__admin/requests/count</c>).</summary>
    /// <exception cref="HttpRequestException">WireMock did not answer.</exception>
    public async Task<int> CountRequestsAsync(RequestPattern pattern, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        using var response = await _http.PostAsJsonAsync("requests/count", pattern, JsonOptions, cancellationToken);
        await EnsureSuccessAsync(response, "count requests", cancellationToken);
        var count = await response.Content.ReadFromJsonAsync<JsonObject>(JsonOptions, cancellationToken);
        return count!["count"]!.GetValue<int>();
    }

    /// <summary>Journaled requests that matched no stub (useful in failure messages).</summary>
    /// <exception cref="HttpRequestException">WireMock did not answer.</exception>
    public async Task<IReadOnlyList<LoggedRequest>> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync("requests/unmatched", cancellationToken);
        await EnsureSuccessAsync(response, "read unmatched requests", cancellationToken);
        var found = await response.Content.ReadFromJsonAsync<LoggedRequestList>(JsonOptions, cancellationToken);
        return (found?.Requests ?? []).OrderBy(r => r.LoggedDate).ToList();
    }

    /// <summary>Whether <c>GET /__admin/health</c> answers <c>"status": "healthy"</c>. Never throws for connection failures.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await _http.GetAsync("health", timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var health = await response.Content.ReadFromJsonAsync<JsonObject>(JsonOptions, timeout.Token);
            return health?["status"]?.GetValue<string>() == "healthy";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Disposes the underlying HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"WireMock refused to {what}: HTTP {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
    }

    private sealed class ServeEventList
    {
        public List<ServeEvent>? Requests { get; init; }
    }

    private sealed class ServeEvent
    {
        public LoggedRequest Request { get; init; } = new();
    }

    private sealed class LoggedRequestList
    {
        public List<LoggedRequest>? Requests { get; init; }
    }
}
