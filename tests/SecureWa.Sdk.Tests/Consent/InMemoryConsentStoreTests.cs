using SecureWa.Sdk.Consent;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class InMemoryConsentStoreTests : ConsentStoreConformanceTests
{
    protected override IConsentStore CreateStore() => new InMemoryConsentStore();
}
