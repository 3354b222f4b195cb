using Microsoft.Data.Sqlite;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Sqlite;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Consent;

/// <summary>The consent store on a real SQLite file (WAL) in a temp directory of its own.</summary>
public sealed class SqliteConsentStoreTests : ConsentStoreConformanceTests, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, 789, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securewa-consent-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteSecureWaStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task AppendAsync_ByOneInstance_IsReadByAnotherAfterRestart_WithMillisecondsInUtc()
    {
        var local = new DateTimeOffset(2026, 1, 1, 2, 0, 0, 457, TimeSpan.FromHours(2));
        await CreateStore().AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptIn, "api", local, expiresAt: T0));

        var record = Assert.Single(await CreateStore().GetRecordsAsync("s1"));

        Assert.Equal(local, record.RecordedAt);
        Assert.Equal(TimeSpan.Zero, record.RecordedAt.Offset);
        Assert.Equal(457, record.RecordedAt.Millisecond);
        Assert.Equal(T0, record.ExpiresAt);
    }

    protected override IConsentStore CreateStore()
    {
        var store = new SqliteSecureWaStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "consent.db") });
        _stores.Add(store);
        return new DbConsentStore(store);
    }
}
