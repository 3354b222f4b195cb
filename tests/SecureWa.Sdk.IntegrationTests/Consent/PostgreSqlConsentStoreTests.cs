using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.IntegrationTests.PostgreSql;
using SecureWa.Sdk.PostgreSql;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Consent;

/// <summary>The consent store on a real PostgreSQL server (a fresh database per test).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConsentStoreTests(PostgreSqlServerFixture server) : ConsentStoreConformanceTests, IAsyncLifetime
{
    private readonly List<PostgreSqlSecureWaStore> _stores = [];
    private string? _connectionString;

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppendAsync_ByTwoInstances_BothAreReadInOrder()
    {
        var first = CreateStore();
        var second = CreateStore();
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, 321, TimeSpan.Zero);

        await first.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptIn, "api", t0));
        await second.AppendAsync(new ConsentRecord("s1", null, ConsentRecordKind.OptOut, "whatsapp_reply", t0.AddSeconds(1)));

        var records = await first.GetRecordsAsync("s1");
        Assert.Equal([ConsentRecordKind.OptIn, ConsentRecordKind.OptOut], records.Select(r => r.Kind));
        Assert.Equal(t0, records[0].RecordedAt);
        Assert.Equal(2, await second.EraseSubjectAsync("s1"));
        Assert.Empty(await first.GetRecordsAsync("s1"));
    }

    protected override IConsentStore CreateStore()
    {
        var store = new PostgreSqlSecureWaStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString! });
        _stores.Add(store);
        return new DbConsentStore(store);
    }
}
