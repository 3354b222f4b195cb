using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

[Collection(WireMockCollection.Name)]
public sealed class CloudApiStubsTests : WireMockTestBase
{
    public CloudApiStubsTests(WireMockFixture wireMock)
        : base(wireMock)
    {
    }

    [Fact]
    public async Task StubSendAccepted_AnswersStubbedTypes_AndRejectsOthersWithGraphError()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, "555000111", "+16505551234", "text", "interactive");
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, "stub-token-" + Guid.NewGuid().ToString("N"));
        using var client = new WhatsAppClient(new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = "555000111" }, secrets);

        var text = await client.Messages.SendAsync(new TextMessage("+16505551234", "hi"));
        var buttons = await client.Messages.SendAsync(new InteractiveButtonsMessage("+16505551234", "ok?", [new ReplyButton("y", "Yes")]));
        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Messages.SendAsync(new LocationMessage("+16505551234", 1, 2)));

        Assert.Equal("wamid.stub-text", text.MessageId);
        Assert.Equal("wamid.stub-interactive", buttons.MessageId);
        Assert.Equal(100, error.ErrorCode);
        Assert.Equal(WhatsAppErrorCategory.InvalidRequest, error.Category);
    }
}
