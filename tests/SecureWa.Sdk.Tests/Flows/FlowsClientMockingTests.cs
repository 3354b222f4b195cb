using SecureWa.Sdk.Flows;

namespace SecureWa.Sdk.Tests.Flows;

public sealed class FlowsClientMockingTests
{
    [Fact]
    public async Task DerivedClient_OverridesOperation_WithoutInvoker()
    {
        var client = new StubFlowsClient();

        Assert.Equal("flow-7", await client.CreateAsync(new FlowCreateOptions("f", FlowCategories.Other)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PublishAsync("1"));
    }

    [Fact]
    public void GraphDate_MetaFormatWithoutColon_IsParsed()
    {
        Assert.Equal(new DateTimeOffset(2023, 5, 21, 11, 18, 9, TimeSpan.Zero), SecureWa.Sdk.Flows.Internal.FlowMapper.ParseGraphDate("2023-05-21T11:18:09+0000"));
        Assert.Equal(new DateTimeOffset(2023, 5, 21, 13, 18, 9, TimeSpan.FromHours(2)), SecureWa.Sdk.Flows.Internal.FlowMapper.ParseGraphDate("2023-05-21T13:18:09+02:00"));
        Assert.Null(SecureWa.Sdk.Flows.Internal.FlowMapper.ParseGraphDate("yesterday"));
    }

    private sealed class StubFlowsClient : FlowsClient
    {
        public override Task<string> CreateAsync(FlowCreateOptions options, string? businessAccountId = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("flow-7");
    }
}
