using SecureWa.Sdk.IntegrationTests.PostgreSql;
using SecureWa.Sdk.PostgreSql;
using SecureWa.Sdk.Storage;
using SecureWa.Sdk.Storage.Internal;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>The audit trail on a real PostgreSQL server (a fresh database per test), several store instances standing for several app instances.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAuditTrailTests(PostgreSqlServerFixture server) : AuditTrailStoreTests
{
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await server.CreateDatabaseAsync();
    }

    internal override DbSecureWaStore CreateStoreCore(IEnumerable<SecureWaStoreMigration>? migrations = null) =>
        new PostgreSqlSecureWaStore(new PostgreSqlStoreOptions { ConnectionString = _connectionString! }, migrations);
}
