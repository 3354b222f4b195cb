namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The in-process WireMock.Net server shared by every test in the <c>"WireMock"</c> collection
/// (<see cref="WireMockCollection"/>), started once on a free port of 127.0.0.1. Tests call <see cref="ResetAsync"/>
/// before they stub (or derive from <see cref="WireMockTestBase"/>, which does).
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private WireMockServer? _server;

    /// <summary>The server.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The base address (plain HTTP, loopback), such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => Server.BaseUri;

    /// <summary>The typed admin client.</summary>
    public WireMockAdmin Admin => Server.Admin;

    /// <summary>Removes all stubs, clears the journal and resets scenarios. Call it at the start of each test.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Task ResetAsync(CancellationToken cancellationToken = default) => Admin.ResetAsync(cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await WireMockServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
