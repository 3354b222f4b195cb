namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The WireMock server shared by every test in the <c>"WireMock"</c> collection (<see cref="WireMockCollection"/>).
/// Starts WireMock standalone (<see cref="WireMockServer"/>) once, or uses the one named by
/// <c>SECUREWA_WIREMOCK_URL</c> without starting or stopping anything. Tests call <see cref="ResetAsync"/> before
/// they stub (or derive from <see cref="WireMockTestBase"/>, which does).
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    /// <summary>Environment variable naming an already running WireMock, such as <c>http://127.0.0.1:8080</c>.</summary>
    public const string UrlEnvironmentVariable = WireMockServerOptions.UrlEnvironmentVariable;

    private WireMockServer? _server;
    private WireMockAdmin? _externalAdmin;
    private Uri? _baseUri;

    /// <summary>WireMock's base address (plain HTTP, loopback), such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => _baseUri ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The typed admin client.</summary>
    public WireMockAdmin Admin => _server?.Admin ?? _externalAdmin ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Whether the fixture started WireMock itself (<see langword="false"/> with <c>SECUREWA_WIREMOCK_URL</c>).</summary>
    public bool OwnsServer => _server is not null;

    /// <summary>Removes all stubs, clears the journal and resets scenarios. Call it at the start of each test.</summary>
    /// <exception cref="HttpRequestException">WireMock did not accept the reset.</exception>
    public Task ResetAsync(CancellationToken cancellationToken = default) => Admin.ResetAsync(cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(UrlEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            if (!Uri.TryCreate(external.EndsWith('/') ? external : external + "/", UriKind.Absolute, out var uri))
            {
                throw new WireMockHarnessException($"{UrlEnvironmentVariable} is not an absolute URL.");
            }

            _externalAdmin = new WireMockAdmin(uri);
            if (!await _externalAdmin.IsHealthyAsync())
            {
                throw new WireMockHarnessException($"{UrlEnvironmentVariable} points at {uri}, but {uri}__admin/health does not answer healthy.");
            }

            _baseUri = uri;
            return;
        }

        _server = await WireMockServer.StartAsync();
        _baseUri = _server.BaseUri;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _externalAdmin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
