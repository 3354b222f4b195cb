using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Sessions;

public sealed class InMemoryOperatorSessionStoreTests : OperatorSessionStoreConformanceTests
{
    protected override Task<IOperatorSessionStore> CreateStoreAsync() => Task.FromResult<IOperatorSessionStore>(new InMemoryOperatorSessionStore());
}
