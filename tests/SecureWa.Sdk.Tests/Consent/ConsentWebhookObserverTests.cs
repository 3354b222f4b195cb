using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class ConsentWebhookObserverTests
{
    private const string From = "16505551234";

    internal static WebhookNotification Inbound(string messageJson) => new WebhookParser().ParseUnverified(Encoding.UTF8.GetBytes(
        $$$"""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},"messages":[{{{messageJson}}}]}}]}]}"""));

    internal static string Text(string body, long timestamp = 1772355600) =>
        $$$"""{"from":"{{{From}}}","id":"wamid.IN1","timestamp":"{{{timestamp}}}","type":"text","text":{"body":"{{{body}}}"}}""";

    [Theory]
    [InlineData("STOP", true)]
    [InlineData("Bája!", true)]
    [InlineData("please stop sending me stuff", false)]
    [InlineData("hello", false)]
    public async Task OnVerified_Text_KeywordOptsOutOfEverything(string body, bool optOut)
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(From, ConsentPurposes.Marketing, ConsentSources.WebForm);

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(Text(body)));

        var expected = optOut ? ConsentStatus.OptedOut : ConsentStatus.OptedIn;
        Assert.Equal(expected, (await ctx.Ledger.GetStatusAsync(From, ConsentPurposes.Marketing)).Status);
        if (optOut)
        {
            var record = (await ctx.Ledger.GetHistoryAsync(From))[^1];
            Assert.Null(record.Purpose);
            Assert.Equal(ConsentSources.WhatsAppKeyword, record.Source);
            Assert.Equal("wamid.IN1", record.EvidenceReference);
        }
    }

    [Fact]
    public async Task OnVerified_KeywordPurposeConfigured_OptsOutOfThatPurposeOnly()
    {
        var ctx = new ConsentTestContext(o => o.KeywordOptOutPurpose = ConsentPurposes.Marketing);

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(Text("stop")));

        Assert.Equal(ConsentStatus.OptedOut, (await ctx.Ledger.GetStatusAsync(From, ConsentPurposes.Marketing)).Status);
        Assert.Equal(ConsentStatus.None, (await ctx.Ledger.GetStatusAsync(From, ConsentPurposes.Utility)).Status);
    }

    [Theory]
    [InlineData("Stop promotions", "Stop promotions", true)]
    [InlineData("STOP_PROMOTIONS_PAYLOAD", "Stop promotions", true)]
    [InlineData("Stop promotions", "Arrêter", true)]
    [InlineData("YES", "Yes please", false)]
    public async Task OnVerified_QuickReplyButton_StopPromotionsOptsOutOfMarketing(string payload, string text, bool optOut)
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(From, ConsentPurposes.Marketing, ConsentSources.WebForm);
        var json = $$$"""{"from":"{{{From}}}","id":"wamid.BTN","timestamp":"1772355600","type":"button","button":{"payload":"{{{payload}}}","text":"{{{text}}}"}}""";

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(json));

        Assert.Equal(optOut ? ConsentStatus.OptedOut : ConsentStatus.OptedIn, (await ctx.Ledger.GetStatusAsync(From, ConsentPurposes.Marketing)).Status);
        Assert.Equal(ConsentStatus.None, (await ctx.Ledger.GetStatusAsync(From, ConsentPurposes.Utility)).Status);
    }

    [Fact]
    public async Task OnVerified_AnyInbound_OpensTheWindowAtTheMessageTime()
    {
        var ctx = new ConsentTestContext();
        var sent = ctx.Clock.GetUtcNow().AddMinutes(-10);

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(Text("hello", sent.ToUnixTimeSeconds())));

        Assert.Equal(sent, ctx.Window.GetLastInbound(await ctx.Ledger.GetSubjectKeyAsync(From)));
    }

    [Fact]
    public async Task OnVerified_FutureTimestamp_IsClampedToNow()
    {
        var ctx = new ConsentTestContext();

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(Text("hello", ctx.Clock.GetUtcNow().AddDays(3).ToUnixTimeSeconds())));

        Assert.Equal(ctx.Clock.GetUtcNow(), ctx.Window.GetLastInbound(await ctx.Ledger.GetSubjectKeyAsync(From)));
    }

    [Fact]
    public async Task OnVerified_ConversationalOptOutOff_OnlyFeedsTheWindow()
    {
        var ctx = new ConsentTestContext(o => o.EnableConversationalOptOut = false);

        await CreateObserver(ctx).OnVerifiedNotificationAsync(Inbound(Text("STOP")));

        Assert.Empty(await ctx.Ledger.GetHistoryAsync(From));
        Assert.NotNull(ctx.Window.GetLastInbound(await ctx.Ledger.GetSubjectKeyAsync(From)));
    }

    private static ConsentWebhookObserver CreateObserver(ConsentTestContext ctx) =>
        new(ctx.Ledger, ctx.Pseudonymizer, ctx.Window, ctx.WrappedOptions, ctx.Clock, NullLogger.Instance);
}
