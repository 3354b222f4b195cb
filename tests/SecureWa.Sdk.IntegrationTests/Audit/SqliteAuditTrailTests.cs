using Microsoft.Data.Sqlite;
using SecureWa.Sdk.Sqlite;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>The audit trail on a real SQLite file (WAL) in a temp directory of its own.</summary>
public sealed class SqliteAuditTrailTests : AuditTrailStoreTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securewa-audit-" + Guid.NewGuid().ToString("N"));

    internal string DatabasePath => Path.Combine(_directory, "audit.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    internal override DbSecureWaStore CreateStoreCore(IEnumerable<SecureWaStoreMigration>? migrations = null) =>
        new SqliteSecureWaStore(new SqliteStoreOptions { Path = DatabasePath }, migrations);

    [Fact]
    public async Task Store_UsesWalJournal()
    {
        var store = CreateStore();
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task HostedService_PurgeInterval_PurgesOnTheTimeProvider()
    {
        var store = CreateStore();
        var trail = CreateTrail(store, o =>
        {
            o.Retention[SecureWa.Sdk.Audit.AuditRecordClass.Operation] = TimeSpan.FromDays(30);
            o.PurgeInterval = TimeSpan.FromHours(1);
        });
        using var service = new SecureWa.Sdk.Audit.Internal.AuditHostedService(store, trail, Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SecureWa.Sdk.Audit.Internal.AuditHostedService>.Instance);
        for (var i = 0; i < 4; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        await service.StartAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(31));
        await trail.RecordAsync(Event(9));
        Clock.Advance(TimeSpan.FromHours(1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.GetCheckpointsAsync("operation")).All(static c => c.Kind != SecureWa.Sdk.Audit.AuditCheckpointKind.PurgeAnchor) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await service.StopAsync(CancellationToken.None);
        var anchor = Assert.Single(await store.GetCheckpointsAsync("operation"), static c => c.Kind == SecureWa.Sdk.Audit.AuditCheckpointKind.PurgeAnchor);
        Assert.Equal(4, anchor.Sequence);
        Assert.True((await trail.VerifyAsync()).IsValid);
    }

    internal override async Task AssertNothingReadableAsync(DbSecureWaStore store, string text)
    {
        await base.AssertNothingReadableAsync(store, text);
        SqliteConnection.ClearAllPools();
        await ((SqliteSecureWaStore)store).DisposeAsync();
        foreach (var file in Directory.GetFiles(_directory))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) < 0, $"{Path.GetFileName(file)} holds the erased text.");
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(PhoneDigits)) < 0, $"{Path.GetFileName(file)} holds the phone number.");
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(PhoneDigits)) < 0, $"{Path.GetFileName(file)} holds the phone number (UTF-16).");
        }
    }
}
