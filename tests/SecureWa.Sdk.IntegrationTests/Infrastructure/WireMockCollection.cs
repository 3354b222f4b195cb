namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The xUnit collection sharing one <see cref="WireMockFixture"/>. Put <c>[Collection(WireMockCollection.Name)]</c>
/// on a test class and take the fixture in its constructor. Tests in the collection run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WireMockCollection : ICollectionFixture<WireMockFixture>
{
    /// <summary>The collection name, <c>"WireMock"</c>.</summary>
    public const string Name = "WireMock";
}
