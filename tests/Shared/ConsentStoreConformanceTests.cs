using SecureWa.Sdk.Consent;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// The contract every <see cref="IConsentStore"/> must meet (append-only, ordered, per subject, erasable, thread-safe).
/// Derive once per store (in-memory here; SQLite and PostgreSQL when the shared store lands).
/// </summary>
public abstract class ConsentStoreConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store.</summary>
    protected abstract IConsentStore CreateStore();

    [Fact]
    public async Task GetRecordsAsync_UnknownSubject_IsEmpty()
    {
        var store = CreateStore();

        Assert.Empty(await store.GetRecordsAsync("unknown-subject"));
    }

    [Fact]
    public async Task AppendAsync_RecordsComeBackInOrderWithEveryField()
    {
        var store = CreateStore();
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptInPending, "web_form", T0, "form-1", T0.AddHours(48)));
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptIn, "whatsapp_reply", T0.AddHours(1), "wamid.X"));
        await store.AppendAsync(new ConsentRecord("s1", null, ConsentRecordKind.OptOut, "api", T0.AddHours(2)));

        var records = await store.GetRecordsAsync("s1");

        Assert.Equal([ConsentRecordKind.OptInPending, ConsentRecordKind.OptIn, ConsentRecordKind.OptOut], records.Select(r => r.Kind));
        Assert.Equal("form-1", records[0].EvidenceReference);
        Assert.Equal(T0.AddHours(48), records[0].ExpiresAt);
        Assert.Equal("web_form", records[0].Source);
        Assert.Equal(T0.AddHours(1), records[1].RecordedAt);
        Assert.Null(records[2].Purpose);
    }

    [Fact]
    public async Task AppendAsync_SubjectsAreSeparate_AndASnapshotDoesNotChangeAfterLaterAppends()
    {
        var store = CreateStore();
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptIn, "api", T0));
        var snapshot = await store.GetRecordsAsync("s1");
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptOut, "api", T0.AddMinutes(1)));
        await store.AppendAsync(new ConsentRecord("s2", "utility", ConsentRecordKind.OptOut, "api", T0));

        Assert.Single(snapshot);
        Assert.Equal(2, (await store.GetRecordsAsync("s1")).Count);
        Assert.Equal("utility", Assert.Single(await store.GetRecordsAsync("s2")).Purpose);
    }

    [Fact]
    public async Task EraseSubjectAsync_RemovesOnlyThatSubject_AndCountsRecords()
    {
        var store = CreateStore();
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptIn, "api", T0));
        await store.AppendAsync(new ConsentRecord("s1", "marketing", ConsentRecordKind.OptOut, "api", T0));
        await store.AppendAsync(new ConsentRecord("s2", "marketing", ConsentRecordKind.OptIn, "api", T0));

        Assert.Equal(2, await store.EraseSubjectAsync("s1"));
        Assert.Equal(0, await store.EraseSubjectAsync("s1"));
        Assert.Empty(await store.GetRecordsAsync("s1"));
        Assert.Single(await store.GetRecordsAsync("s2"));
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppends_NoneIsLost()
    {
        var store = CreateStore();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
            await store.AppendAsync(new ConsentRecord("s" + (i % 4), "marketing", ConsentRecordKind.OptIn, "api", T0.AddSeconds(i))))));

        var total = 0;
        for (var s = 0; s < 4; s++)
        {
            total += (await store.GetRecordsAsync("s" + s)).Count;
        }

        Assert.Equal(200, total);
    }
}
