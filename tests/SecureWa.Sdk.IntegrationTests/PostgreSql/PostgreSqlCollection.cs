namespace SecureWa.Sdk.IntegrationTests.PostgreSql;

/// <summary>The xUnit collection sharing one <see cref="PostgreSqlServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "PostgreSql";
}
