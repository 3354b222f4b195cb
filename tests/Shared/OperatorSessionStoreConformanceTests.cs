using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// The behaviour every <see cref="IOperatorSessionStore"/> must have. Derive a test class per store and return a fresh,
/// empty store from <see cref="CreateStoreAsync"/> (a new SQLite file, a new PostgreSQL schema…). Times are whole
/// milliseconds: a store must keep at least that precision and hand times back in UTC.
/// </summary>
public abstract class OperatorSessionStoreConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IOperatorSessionStore> CreateStoreAsync();

    [Fact]
    public async Task GetState_Unknown_IsEmpty()
    {
        var store = await CreateStoreAsync();

        var state = await store.GetStateAsync("op-unknown", "sid-unknown");

        Assert.Equal(new OperatorSessionState(false, null, null, null, null), state);
    }

    [Fact]
    public async Task RecordUse_SetsSessionAndOperatorLastUse_OnlyForward()
    {
        var store = await CreateStoreAsync();

        await store.RecordUseAsync("op-1", "sid-1", T0.AddMinutes(5), T0.AddHours(8));
        await store.RecordUseAsync("op-1", "sid-1", T0.AddMinutes(1), T0.AddHours(8));
        await store.RecordUseAsync("op-1", "sid-2", T0.AddMinutes(3), T0.AddHours(8));

        var one = await store.GetStateAsync("op-1", "sid-1");
        var two = await store.GetStateAsync("op-1", "sid-2");
        Assert.Equal(T0.AddMinutes(5), one.SessionLastUsedAt);
        Assert.Equal(T0.AddMinutes(3), two.SessionLastUsedAt);
        Assert.Equal(T0.AddMinutes(5), one.OperatorLastUsedAt);
        Assert.Equal(T0.AddMinutes(5), two.OperatorLastUsedAt);
        Assert.False(one.SessionRevoked);
        Assert.Equal(TimeSpan.Zero, one.SessionLastUsedAt!.Value.Offset);
    }

    [Fact]
    public async Task Times_KeepMillisecondsAndComeBackInUtc()
    {
        var store = await CreateStoreAsync();
        var local = new DateTimeOffset(2026, 3, 2, 11, 0, 0, 457, TimeSpan.FromHours(2));

        await store.RecordUseAsync("op-1", "sid-1", local, local.AddHours(8));

        var state = await store.GetStateAsync("op-1", "sid-1");
        Assert.Equal(local, state.SessionLastUsedAt);
        Assert.Equal(TimeSpan.Zero, state.SessionLastUsedAt!.Value.Offset);
        Assert.Equal(457, state.SessionLastUsedAt.Value.Millisecond);
    }

    [Fact]
    public async Task RevokeSession_RevokesThatSessionOnly_AndStaysRevokedAfterUse()
    {
        var store = await CreateStoreAsync();
        await store.RecordUseAsync("op-1", "sid-1", T0, T0.AddHours(8));

        await store.RevokeSessionAsync("sid-1", T0.AddMinutes(1), T0.AddHours(9));
        await store.RecordUseAsync("op-1", "sid-1", T0.AddMinutes(2), T0.AddHours(8));
        await store.RevokeSessionAsync("sid-never-used", T0, T0.AddHours(9));

        Assert.True((await store.GetStateAsync("op-1", "sid-1")).SessionRevoked);
        Assert.True((await store.GetStateAsync("op-9", "sid-never-used")).SessionRevoked);
        Assert.False((await store.GetStateAsync("op-1", "sid-2")).SessionRevoked);
    }

    [Fact]
    public async Task RevokeOperatorSessions_KeepsTheLatestTime_PerOperator()
    {
        var store = await CreateStoreAsync();

        await store.RevokeOperatorSessionsAsync("op-1", T0.AddMinutes(10));
        await store.RevokeOperatorSessionsAsync("op-1", T0.AddMinutes(5));

        Assert.Equal(T0.AddMinutes(10), (await store.GetStateAsync("op-1", "sid-x")).OperatorSessionsRevokedAt);
        Assert.Null((await store.GetStateAsync("op-2", "sid-x")).OperatorSessionsRevokedAt);
    }

    [Fact]
    public async Task RevokeAll_AppliesToEveryOperator_KeepsTheLatestTime()
    {
        var store = await CreateStoreAsync();

        await store.RevokeAllSessionsAsync(T0.AddMinutes(10));
        await store.RevokeAllSessionsAsync(T0.AddMinutes(5));

        Assert.Equal(T0.AddMinutes(10), (await store.GetStateAsync("op-1", "sid-1")).AllSessionsRevokedAt);
        Assert.Equal(T0.AddMinutes(10), (await store.GetStateAsync("op-2", "sid-2")).AllSessionsRevokedAt);
    }

    [Fact]
    public async Task RecordOperatorActivity_MovesOperatorLastUseForward_WithoutASession()
    {
        var store = await CreateStoreAsync();
        await store.RecordUseAsync("op-1", "sid-1", T0, T0.AddHours(8));

        await store.RecordOperatorActivityAsync("op-1", T0.AddDays(100));
        await store.RecordOperatorActivityAsync("op-1", T0.AddDays(1));

        var state = await store.GetStateAsync("op-1", "sid-1");
        Assert.Equal(T0.AddDays(100), state.OperatorLastUsedAt);
        Assert.Equal(T0, state.SessionLastUsedAt);
    }

    [Fact]
    public async Task PurgeExpired_DropsSessionsPastRetention_KeepsOperatorsAndOthers()
    {
        var store = await CreateStoreAsync();
        await store.RecordUseAsync("op-1", "sid-old", T0, T0.AddHours(1));
        await store.RevokeSessionAsync("sid-old-revoked", T0, T0.AddHours(1));
        await store.RecordUseAsync("op-1", "sid-live", T0, T0.AddHours(10));
        await store.RevokeOperatorSessionsAsync("op-1", T0);

        var purged = await store.PurgeExpiredAsync(T0.AddHours(2));

        Assert.Equal(2, purged);
        var old = await store.GetStateAsync("op-1", "sid-old");
        Assert.Null(old.SessionLastUsedAt);
        Assert.False((await store.GetStateAsync("op-1", "sid-old-revoked")).SessionRevoked);
        Assert.Equal(T0, (await store.GetStateAsync("op-1", "sid-live")).SessionLastUsedAt);
        Assert.Equal(T0, old.OperatorLastUsedAt);
        Assert.Equal(T0, old.OperatorSessionsRevokedAt);
    }

    [Fact]
    public async Task ConcurrentUse_EndsWithTheLatestTime()
    {
        var store = await CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await store.RecordUseAsync("op-1", "sid-" + (i % 4), T0.AddSeconds(i), T0.AddHours(8)))));

        Assert.Equal(T0.AddSeconds(63), (await store.GetStateAsync("op-1", "sid-3")).SessionLastUsedAt);
        Assert.Equal(T0.AddSeconds(60), (await store.GetStateAsync("op-1", "sid-0")).SessionLastUsedAt);
        Assert.Equal(T0.AddSeconds(63), (await store.GetStateAsync("op-1", "sid-0")).OperatorLastUsedAt);
    }

    [Fact]
    public async Task Ids_AreOpaque_LongAndCaseSensitive()
    {
        var store = await CreateStoreAsync();
        var longOperator = new string('o', 256);
        var sid = "entra:" + new string('S', 200);

        await store.RecordUseAsync(longOperator, sid, T0, T0.AddHours(8));
        await store.RevokeSessionAsync(sid, T0, T0.AddHours(8));

        Assert.True((await store.GetStateAsync(longOperator, sid)).SessionRevoked);
        Assert.False((await store.GetStateAsync(longOperator, sid.ToLowerInvariant())).SessionRevoked);
        Assert.Null((await store.GetStateAsync(longOperator.ToUpperInvariant(), sid)).OperatorLastUsedAt);
    }
}
