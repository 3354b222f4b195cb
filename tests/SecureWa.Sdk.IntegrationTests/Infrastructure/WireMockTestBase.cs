namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// Optional base class for WireMock tests: resets stubs, journal and scenarios before each test. Derived classes
/// still need <c>[Collection(WireMockCollection.Name)]</c>.
/// </summary>
public abstract class WireMockTestBase : IAsyncLifetime
{
    /// <summary>Takes the collection's fixture.</summary>
    protected WireMockTestBase(WireMockFixture wireMock)
    {
        ArgumentNullException.ThrowIfNull(wireMock);
        WireMock = wireMock;
    }

    /// <summary>The shared WireMock.</summary>
    protected WireMockFixture WireMock { get; }

    /// <summary>Its admin client.</summary>
    protected WireMockAdmin Admin => WireMock.Admin;

    /// <inheritdoc />
    public virtual Task InitializeAsync() => WireMock.ResetAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;
}
