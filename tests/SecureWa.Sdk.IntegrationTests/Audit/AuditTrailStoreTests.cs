using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>
/// The audit trail against a real store; run for SQLite and PostgreSQL. Tampering is done with raw SQL on the store's
/// own connection, as an attacker with database access would.
/// </summary>
public abstract class AuditTrailStoreTests : IAsyncLifetime
{
    protected const string Phone = "+16505551234";
    protected const string PhoneDigits = "16505551234";

    private readonly List<DbSecureWaStore> _stores = [];

    internal AuditTestSecrets Secrets { get; } = new();

    internal FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>A new store instance (a new "process" or "instance") on this test's database.</summary>
    internal abstract DbSecureWaStore CreateStoreCore(IEnumerable<SecureWaStoreMigration>? migrations = null);

    internal DbSecureWaStore CreateStore(IEnumerable<SecureWaStoreMigration>? migrations = null)
    {
        var store = CreateStoreCore(migrations);
        _stores.Add(store);
        return store;
    }

    internal AuditTrail CreateTrail(DbSecureWaStore store, Action<AuditOptions>? configure = null)
    {
        var options = new AuditOptions { CheckpointEvery = 10 };
        configure?.Invoke(options);
        return new AuditTrail(store, Secrets.Provider, options, Clock);
    }

    [Fact]
    public async Task VerifyAsync_UntouchedChain_IsValid()
    {
        var (store, trail) = await WriteAsync(25);

        var result = await trail.VerifyAsync();

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(25, result.RecordsChecked);
        Assert.Equal(2, (await store.GetCheckpointsAsync("operation")).Count);
    }

    [Fact]
    public async Task RecordAsync_Returned_IsCommittedForEveryOtherConnection()
    {
        var writer = CreateTrail(CreateStore());
        var reader = CreateTrail(CreateStore());

        await writer.RecordAsync(Event(1));

        // Durable before the request leaves: another connection (another process) sees it at once.
        Assert.Single((await reader.QueryAsync(new AuditQuery())).Records);
    }

    [Fact]
    public async Task VerifyAsync_FieldEditedWithSql_ReportsEditedAtThatRecord()
    {
        var (store, trail) = await WriteAsync(25);
        await SqlAsync(store, "UPDATE audit_records SET outcome = 'Denied' WHERE chain = 'operation' AND seq = 7");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.Edited, 7);
    }

    [Fact]
    public async Task VerifyAsync_RowDeletedWithSql_ReportsDeletedAtThatRecord()
    {
        var (store, trail) = await WriteAsync(25);
        await SqlAsync(store, "DELETE FROM audit_records WHERE chain = 'operation' AND seq = 13");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.Deleted, 13);
    }

    [Fact]
    public async Task VerifyAsync_TwoRowsSwappedWithSql_ReportsReorderedAtTheFirst()
    {
        var (store, trail) = await WriteAsync(25);
        await SqlAsync(store, "UPDATE audit_records SET seq = -5 WHERE chain = 'operation' AND seq = 5");
        await SqlAsync(store, "UPDATE audit_records SET seq = 5 WHERE chain = 'operation' AND seq = 6");
        await SqlAsync(store, "UPDATE audit_records SET seq = 6 WHERE chain = 'operation' AND seq = -5");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.Reordered, 5);
    }

    [Fact]
    public async Task VerifyAsync_TailDroppedAfterCheckpoint_ReportsTailTruncated()
    {
        var (store, trail) = await WriteAsync(25);
        await SqlAsync(store, "DELETE FROM audit_records WHERE chain = 'operation' AND seq > 15");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.TailTruncated, 16);
        Assert.Equal(20, result.FirstBreak!.CheckpointSequence);
    }

    [Fact]
    public async Task CheckpointAsync_OnTheTimerOnly_StillRevealsATruncatedTail()
    {
        var store = CreateStore();
        var trail = CreateTrail(store, o => o.CheckpointEvery = 0);
        for (var i = 0; i < 6; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        var written = await trail.CheckpointAsync();
        Assert.Empty(await trail.CheckpointAsync());
        await SqlAsync(store, "DELETE FROM audit_records WHERE chain = 'operation' AND seq >= 5");

        var checkpoint = Assert.Single(written);
        Assert.Equal(6, checkpoint.Sequence);
        var result = await trail.VerifyAsync();
        AssertBreak(result, AuditBreakKind.TailTruncated, 5);
        Assert.Equal(6, result.FirstBreak!.CheckpointSequence);
    }

    [Fact]
    public async Task VerifyAsync_TailAndStoredCheckpointsDeleted_IsFoundWithExternallyKeptCheckpoints()
    {
        var store = CreateStore();
        var shipped = new CollectingCheckpointObserver();
        var trail = new AuditTrail(store, Secrets.Provider, new AuditOptions { CheckpointEvery = 10 }, Clock, checkpointObservers: [shipped]);
        for (var i = 0; i < 12; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        await SqlAsync(store, "DELETE FROM audit_records WHERE chain = 'operation' AND seq >= 5");
        await SqlAsync(store, "DELETE FROM audit_checkpoints");

        Assert.True((await trail.VerifyAsync()).IsValid, "Without an outside copy the stored checkpoints are gone too.");
        var result = await trail.VerifyAsync(new AuditVerificationRange { ExternalCheckpoints = shipped.Checkpoints });
        AssertBreak(result, AuditBreakKind.TailTruncated, 5);
        Assert.Equal(10, result.FirstBreak!.CheckpointSequence);
    }

    [Fact]
    public async Task VerifyAsync_PrefixDeletedWithoutAnchor_ReportsDeleted()
    {
        var (store, trail) = await WriteAsync(12);
        await SqlAsync(store, "DELETE FROM audit_records WHERE chain = 'operation' AND seq <= 3");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.Deleted, 1);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointLinkEditedWithSql_ReportsInvalidCheckpoint()
    {
        var (store, trail) = await WriteAsync(12);
        await SqlAsync(store, "UPDATE audit_checkpoints SET seq = 11 WHERE chain = 'operation' AND seq = 10");

        var result = await trail.VerifyAsync();

        AssertBreak(result, AuditBreakKind.InvalidCheckpoint, 11);
    }

    [Fact]
    public async Task PurgeExpiredAsync_ExpiredPrefix_LeavesSignedAnchorAndTheChainStillVerifies()
    {
        var store = CreateStore();
        var trail = CreateTrail(store, o => o.Retention[AuditRecordClass.Operation] = TimeSpan.FromDays(90));
        for (var i = 0; i < 12; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        Clock.Advance(TimeSpan.FromDays(100));
        for (var i = 12; i < 17; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        var purged = await trail.PurgeExpiredAsync();

        Assert.Equal(12, purged);
        var checkpoints = await store.GetCheckpointsAsync("operation");
        var anchor = Assert.Single(checkpoints, static c => c.Kind == AuditCheckpointKind.PurgeAnchor);
        Assert.Equal(12, anchor.Sequence);
        Assert.DoesNotContain(checkpoints, static c => c.Kind == AuditCheckpointKind.Checkpoint && c.Sequence <= 12);
        Assert.True((await trail.VerifyAsync()).IsValid);

        // The chain goes on from the anchor, also for a new instance that never saw the purge.
        var later = CreateTrail(CreateStore(), o => o.Retention[AuditRecordClass.Operation] = TimeSpan.FromDays(90));
        await later.RecordAsync(Event(99));
        var result = await later.VerifyAsync();
        Assert.True(result.IsValid, result.ToString());
        var purge = (await trail.QueryAsync(new AuditQuery { RecordClass = AuditRecordClass.Retention })).Records;
        Assert.Contains(purge, static r => r.Operation == "retention.purge" && r.TargetId == "operation");
    }

    [Fact]
    public async Task AppendAsync_64ConcurrentWritersOnFourInstances_ProduceOneValidGapFreeChain()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => CreateTrail(CreateStore(), o => o.CheckpointEvery = 50)).ToArray();
        const int PerWriter = 5;

        await Task.WhenAll(Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                await instances[w % instances.Length].RecordAsync(Event((w * 100) + i));
            }
        })));

        var result = await instances[0].VerifyAsync();
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(64 * PerWriter, result.RecordsChecked);
        var head = await instances[1] .QueryAsync(new AuditQuery { PageSize = 1000 });
        Assert.Equal(Enumerable.Range(1, 64 * PerWriter).Select(static i => (long)i), head.Records.Select(static r => r.Sequence).Order());
    }

    [Fact]
    public async Task EraseSubjectAsync_EncryptedContent_BecomesUnreadableWhileTheChainVerifies()
    {
        var store = CreateStore();
        var trail = CreateTrail(store, o => o.RecordContent = true);
        const string Text = "Your lab result is ready: hemoglobin 13.2";
        await trail.RecordAsync(new AuditEvent { RecordClass = AuditRecordClass.Operation, Operation = "messages.send", SubjectPhoneNumber = Phone, Outcome = "Accepted", Content = Encoding.UTF8.GetBytes(Text) });
        await trail.RecordAsync(new AuditEvent { RecordClass = AuditRecordClass.Operation, Operation = "messages.send", SubjectPhoneNumber = "+447700900123", Outcome = "Accepted", Content = Encoding.UTF8.GetBytes("other person") });

        var before = await ExportAsync(trail, Phone);
        Assert.Contains(Text, before, StringComparison.Ordinal);

        Assert.True(await trail.EraseSubjectAsync(Phone));

        var after = await ExportAsync(trail, Phone);
        Assert.DoesNotContain(Text, after, StringComparison.Ordinal);
        using var line = JsonDocument.Parse(after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
        Assert.True(line.RootElement.GetProperty("content_erased").GetBoolean());
        Assert.Equal("+*******1234", line.RootElement.GetProperty("subject_masked").GetString());
        Assert.Contains("other person", await ExportAsync(trail, "+447700900123"), StringComparison.Ordinal);
        Assert.True((await trail.VerifyAsync()).IsValid);
        await AssertNothingReadableAsync(store, Text);
    }

    [Fact]
    public async Task QueryAsync_ByRecipientOperatorAndOutcome_PagesInOrder()
    {
        var store = CreateStore();
        var trail = CreateTrail(store);
        for (var i = 0; i < 7; i++)
        {
            await trail.RecordAsync(new AuditEvent
            {
                RecordClass = AuditRecordClass.Operation,
                Operation = "messages.send",
                Operator = new SecureWa.Sdk.Governance.WhatsAppOperator(i % 2 == 0 ? "agent-7" : "agent-8", ["agent"]),
                SubjectPhoneNumber = i < 5 ? Phone : "+447700900123",
                Outcome = i == 3 ? "Denied" : "Accepted",
            });
        }

        var first = await trail.QueryAsync(new AuditQuery { RecipientPhoneNumber = Phone, PageSize = 2 });
        var second = await trail.QueryAsync(new AuditQuery { RecipientPhoneNumber = Phone, PageSize = 2, ContinuationToken = first.ContinuationToken });
        var third = await trail.QueryAsync(new AuditQuery { RecipientPhoneNumber = Phone, PageSize = 2, ContinuationToken = second.ContinuationToken });

        Assert.Equal([1L, 2, 3, 4, 5], first.Records.Concat(second.Records).Concat(third.Records).Select(static r => r.Sequence));
        Assert.Null(third.ContinuationToken);
        Assert.Equal([1L, 3, 5, 7], (await trail.QueryAsync(new AuditQuery { OperatorId = "agent-7" })).Records.Select(static r => r.Sequence));
        Assert.Equal([4L], (await trail.QueryAsync(new AuditQuery { Outcome = "Denied" })).Records.Select(static r => r.Sequence));
        var pseudonym = await trail.PseudonymizeAsync(Phone);
        Assert.Equal(5, (await trail.QueryAsync(new AuditQuery { SubjectPseudonym = pseudonym })).Records.Count);
        Assert.Empty((await trail.QueryAsync(new AuditQuery { From = Clock.GetUtcNow().AddMinutes(1) })).Records);
    }

    [Fact]
    public async Task VerifyAsync_AfterKeyRotation_OldRecordsVerifyWithTheirOwnKeyId()
    {
        var store = CreateStore();
        await CreateTrail(store).RecordAsync(Event(1));
        Secrets.Provider.Set(AuditSecretNames.ChainKey("2026-02"), "rotated-" + new string('k', 40));
        var rotated = CreateTrail(store, o => o.KeyId = "2026-02");
        await rotated.RecordAsync(Event(2));

        var result = await rotated.VerifyAsync();

        Assert.True(result.IsValid, result.ToString());
        var records = (await rotated.QueryAsync(new AuditQuery())).Records;
        Assert.Equal(["1", "2026-02"], records.Select(static r => r.KeyId));
        Secrets.Provider.Remove(AuditSecretNames.ChainKey("1"));
        AssertBreak(await rotated.VerifyAsync(), AuditBreakKind.UnknownKey, 1);
    }

    [Fact]
    public async Task MigrateAsync_IsVersionedPerComponentAndIdempotent()
    {
        var provider = CreateStore().Provider;
        SecureWaStoreMigration[] consent =
        [
            new(provider, "consent", 1, "CREATE TABLE consent_test (subject TEXT PRIMARY KEY)"),
            new(provider, "consent", 2, "ALTER TABLE consent_test ADD COLUMN purpose TEXT"),
            new("other-provider", "consent", 3, "THIS IS NOT SQL"),
        ];
        var store = CreateStore(consent);

        await store.MigrateAsync();
        await CreateStore(consent).MigrateAsync();

        Assert.Equal(1, await store.GetSchemaVersionAsync("audit"));
        Assert.Equal(2, await store.GetSchemaVersionAsync("consent"));
        await SqlAsync(store, "INSERT INTO consent_test (subject, purpose) VALUES ('s', 'marketing')");
    }

    protected static AuditEvent Event(int i) => new()
    {
        RecordClass = AuditRecordClass.Operation,
        Operation = "messages.send",
        SubjectPhoneNumber = Phone,
        Outcome = "Accepted",
        MessageId = "wamid.M" + i,
        Operator = new SecureWa.Sdk.Governance.WhatsAppOperator("agent-" + (i % 3), ["agent"], "sid-" + i, "10.0.0." + (i % 250)),
    };

    /// <summary>The store holds no readable trace of the erased text or the phone number (the SQLite file is grepped).</summary>
    internal virtual async Task AssertNothingReadableAsync(DbSecureWaStore store, string text)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_records WHERE subject_masked LIKE '%" + PhoneDigits + "%' OR subject LIKE '%" + PhoneDigits + "%'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static async Task SqlAsync(DbSecureWaStore store, string sql)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ExportAsync(AuditTrail trail, string phone)
    {
        using var stream = new MemoryStream();
        await trail.ExportSubjectAsync(phone, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AssertBreak(AuditVerificationResult result, AuditBreakKind kind, long sequence)
    {
        Assert.False(result.IsValid, "The tampering was not detected.");
        Assert.Equal(kind, result.FirstBreak!.Kind);
        Assert.Equal(sequence, result.FirstBreak.Sequence);
        Assert.Equal("operation", result.FirstBreak.Chain);
    }

    private sealed class CollectingCheckpointObserver : IAuditCheckpointObserver
    {
        public List<AuditCheckpoint> Checkpoints { get; } = [];

        public void OnCheckpoint(AuditCheckpoint checkpoint) => Checkpoints.Add(checkpoint);
    }

    private async Task<(DbSecureWaStore Store, AuditTrail Trail)> WriteAsync(int count)
    {
        var store = CreateStore();
        var trail = CreateTrail(store);
        for (var i = 0; i < count; i++)
        {
            await trail.RecordAsync(Event(i));
        }

        return (store, trail);
    }
}
