using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Tests.Messages;

public sealed class RecipientAndPhoneNumberIdTests : IDisposable
{
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    private WhatsAppClient CreateClient(StubGraphHandler stub)
    {
        var httpClient = new HttpClient(stub);
        _disposables.Add(httpClient);
        var client = new WhatsAppClient(httpClient, new WhatsAppClientOptions { PhoneNumberId = "106540352242922" }, NullLoggerFactory.Instance);
        _disposables.Add(client);
        return client;
    }

    [Theory]
    [InlineData("0016505551234")]
    [InlineData("001 650 555 1234")]
    [InlineData("+0000000000")]
    [InlineData("+0 650 555 1234")]
    [InlineData("06505551234")]
    public void ValidateRecipient_InternationalPrefixOrCountryCodeZero_Refused(string to)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.ValidateRecipient(to));

        Assert.Equal("to", ex.Field);
        Assert.Contains("country code", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(to, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1 (650) 555-1234", "+16505551234")]
    [InlineData("+1.650.555.1234", "+16505551234")]
    [InlineData("16505551234", "16505551234")]
    [InlineData("1 650 555 1234", "16505551234")]
    public async Task SendAsync_SpellingsOfOneNumber_PunctuationStrippedOnTheWireAndOneLimiterKey(string to, string wire)
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        await client.Messages.SendAsync(new TextMessage(to, "hi"));

        var request = Assert.Single(stub.Requests);
        Assert.Equal(wire, JsonNode.Parse(request.Body!)!["to"]!.GetValue<string>());
        Assert.Equal("16505551234", request.Recipient);
    }

    [Theory]
    [InlineData("me")]
    [InlineData("app")]
    [InlineData("12a4")]
    [InlineData("1234/../me")]
    public async Task SendAsync_PhoneNumberIdNotNumeric_RefusedBeforeAnyRequest(string phoneNumberId)
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi"), phoneNumberId));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task MarkAsReadAsync_PhoneNumberIdNotNumeric_RefusedBeforeAnyRequest()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.MarkAsReadAsync("wamid.X", phoneNumberId: "me"));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task UploadAsync_PhoneNumberIdNotNumeric_RefusedBeforeAnyRequest()
    {
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub);
        using var content = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Media.UploadAsync(content, new MediaUploadOptions("image/png") { FileName = "a.png", PhoneNumberId = "app" }));

        Assert.Equal("phoneNumberId", ex.Field);
        Assert.Empty(stub.Requests);
    }
}
