namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>
/// Test classes that observe process-wide diagnostics (the <c>securewa.transport.pin_mismatches</c> metric, activity
/// listeners) run in this collection, one at a time, so one class's handshakes do not show up in another's counts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TransportCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Transport";
}
