using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.Sessions.Internal;
using SecureWa.Sdk.Sqlite;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Sessions;

/// <summary>The operator session store on a real SQLite file (WAL) in a temp directory of its own.</summary>
public sealed class SqliteOperatorSessionStoreTests : OperatorSessionStoreConformanceTests, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securewa-sessions-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteSecureWaStore> _stores = [];

    private string DatabasePath => Path.Combine(_directory, "sessions.db");

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
    public async Task RevokeSession_ByOneInstance_IsSeenByAnotherOnTheSameFile()
    {
        var first = NewSessionStore();
        var second = NewSessionStore();
        await second.RecordUseAsync("op-1", "sid-1", T0, T0.AddHours(8));

        await first.RevokeSessionAsync("sid-1", T0.AddMinutes(1), T0.AddHours(9));
        await first.RevokeOperatorSessionsAsync("op-2", T0.AddMinutes(2));

        var state = await second.GetStateAsync("op-1", "sid-1");
        Assert.True(state.SessionRevoked);
        Assert.Equal(T0, state.SessionLastUsedAt);
        Assert.Equal(T0.AddMinutes(2), (await second.GetStateAsync("op-2", "sid-9")).OperatorSessionsRevokedAt);
    }

    [Fact]
    public async Task AddSecureWaSqliteStore_ReplacesTheInMemoryDefaults_WhateverTheOrder()
    {
        var before = new ServiceCollection().AddSecureWaConsent(_ => { });
        before.AddSingleton<IOperatorSessionStore, InMemoryOperatorSessionStore>();
        before.AddSecureWaSqliteStore(DatabasePath);
        var after = new ServiceCollection().AddSecureWaSqliteStore(DatabasePath).AddSecureWaConsent(_ => { });

        await using var one = before.BuildServiceProvider();
        await using var two = after.BuildServiceProvider();

        Assert.IsType<DbOperatorSessionStore>(one.GetRequiredService<IOperatorSessionStore>());
        Assert.IsType<SecureWa.Sdk.Consent.Internal.DbConsentStore>(one.GetRequiredService<SecureWa.Sdk.Consent.IConsentStore>());
        Assert.IsType<DbOperatorSessionStore>(two.GetRequiredService<IOperatorSessionStore>());
        Assert.IsType<SecureWa.Sdk.Consent.Internal.DbConsentStore>(two.GetRequiredService<SecureWa.Sdk.Consent.IConsentStore>());
    }

    [Fact]
    public void AddSecureWaSqliteStore_KeepsAStoreTheAppRegistered()
    {
        var custom = new InMemoryOperatorSessionStore();
        var services = new ServiceCollection().AddSingleton<IOperatorSessionStore>(custom).AddSecureWaSqliteStore(DatabasePath);

        using var provider = services.BuildServiceProvider();

        Assert.Same(custom, provider.GetRequiredService<IOperatorSessionStore>());
    }

    protected override Task<IOperatorSessionStore> CreateStoreAsync() => Task.FromResult(NewSessionStore());

    private IOperatorSessionStore NewSessionStore()
    {
        var store = new SqliteSecureWaStore(new SqliteStoreOptions { Path = DatabasePath });
        _stores.Add(store);
        return new DbOperatorSessionStore(store);
    }
}
