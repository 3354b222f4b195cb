using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Paging;

public sealed class BusinessAccountIdOptionsTests
{
    [Theory]
    [InlineData("102290129340398", true)]
    [InlineData(null, true)]
    [InlineData("10229012934039a", false)]
    [InlineData("../102290129340398", false)]
    [InlineData("123456789012345678901234567890123", false)]
    public void Validate_BusinessAccountId_MustBeNumericGraphId(string? id, bool valid)
    {
        var result = new WhatsAppClientOptionsValidator().Validate(null, new WhatsAppClientOptions { BusinessAccountId = id });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains(result.Failures!, f => f.Contains("BusinessAccountId", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PerCallBusinessAccountId_OverridesTheOption()
    {
        var handler = new ScriptedHandler().Respond(System.Net.HttpStatusCode.OK, """{"success":true}""");
        using var client = ManagementClientFactory.Create(handler);

        await client.WebhookSubscriptions.UnsubscribeAsync("555000111");

        Assert.Equal("https://graph.facebook.com/v23.0/555000111/subscribed_apps", Assert.Single(handler.Requests).Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task PerCallBusinessAccountId_NotNumeric_Throws()
    {
        using var client = ManagementClientFactory.Create(new ScriptedHandler());

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Templates.DeleteAsync("x", businessAccountId: "me"));

        Assert.Equal("businessAccountId", ex.Field);
    }
}
