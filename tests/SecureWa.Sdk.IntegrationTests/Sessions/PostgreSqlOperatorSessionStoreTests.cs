using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.IntegrationTests.PostgreSql;
using SecureWa.Sdk.PostgreSql;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.Sessions.Internal;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Sessions;

/// <summary>The operator session store on a real PostgreSQL server (a fresh database per test); two store instances stand for two app instances.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOperatorSessionStoreTests(PostgreSqlServerFixture server) : OperatorSessionStoreConformanceTests, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, 123, TimeSpan.Zero);
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
    public async Task Revocations_ByOneInstance_AreSeenByAnotherOnTheSameDatabase()
    {
        var first = NewSessionStore();
        var second = NewSessionStore();
        await second.RecordUseAsync("op-1", "sid-1", T0, T0.AddHours(8));

        await first.RevokeSessionAsync("sid-1", T0.AddMinutes(1), T0.AddHours(9));
        await first.RevokeAllSessionsAsync(T0.AddMinutes(3));
        await second.RevokeAllSessionsAsync(T0.AddMinutes(2));

        var state = await second.GetStateAsync("op-1", "sid-1");
        Assert.True(state.SessionRevoked);
        Assert.Equal(T0, state.SessionLastUsedAt);
        Assert.Equal(T0.AddMinutes(3), (await first.GetStateAsync("op-x", "sid-x")).AllSessionsRevokedAt);
    }

    [Fact]
    public async Task RecordUse_ConcurrentInstances_KeepTheLatestTime()
    {
        var first = NewSessionStore();
        var second = NewSessionStore();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).RecordUseAsync("op-1", "sid-1", T0.AddSeconds(i), T0.AddHours(8)).AsTask()));

        var state = await first.GetStateAsync("op-1", "sid-1");
        Assert.Equal(T0.AddSeconds(39), state.SessionLastUsedAt);
        Assert.Equal(T0.AddSeconds(39), state.OperatorLastUsedAt);
    }

    [Fact]
    public async Task RevokeSessionAsync_OnOneAppInstance_IsRefusedByAnotherSharingTheDatabase()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.OperatorSessionSigningKey, key.ExportECPrivateKeyPem());
        await using var appA = NewApp(secrets);
        await using var appB = NewApp(secrets);
        var a = appA.GetRequiredService<OperatorSessionService>();
        var b = appB.GetRequiredService<OperatorSessionService>();
        var agent = await a.IssueAsync("op-agent", [WhatsAppRoles.Agent]);
        var admin = (await a.ValidateAsync((await a.IssueAsync("op-admin", [WhatsAppRoles.Admin])).Token.Reveal())).GetOperatorOrThrow();
        Assert.True((await b.ValidateAsync(agent.Token.Reveal())).IsValid);

        await a.RevokeSessionAsync(agent.SessionId, admin);

        var refused = await b.ValidateAsync(agent.Token.Reveal());
        Assert.Equal(OperatorSessionRejection.Revoked, refused.Rejection);
        Assert.IsType<DbOperatorSessionStore>(appB.GetRequiredService<IOperatorSessionStore>());
    }

    protected override Task<IOperatorSessionStore> CreateStoreAsync() => Task.FromResult(NewSessionStore());

    private ServiceProvider NewApp(ISecretProvider secrets)
    {
        var services = new ServiceCollection().AddSingleton(secrets);
        services.AddSecureWaOperatorSessions(o =>
        {
            o.Issuer = "https://crm.example.test/securewa";
            o.Audience = "securewa-operators";
        });
        services.AddSecureWaPostgreSqlStore(_connectionString!);
        return services.BuildServiceProvider();
    }

    private IOperatorSessionStore NewSessionStore()
    {
        var store = new PostgreSqlSecureWaStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString! });
        _stores.Add(store);
        return new DbOperatorSessionStore(store);
    }
}
