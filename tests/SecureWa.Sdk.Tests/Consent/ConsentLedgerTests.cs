using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class ConsentLedgerTests
{
    private const string Number = "+1 (650) 555-1234";
    private const string Digits = "16505551234";

    [Fact]
    public async Task GetStatusAsync_NothingRecorded_IsNone()
    {
        var ctx = new ConsentTestContext();

        Assert.Equal(ConsentStatus.None, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
    }

    [Fact]
    public async Task RecordOptInAsync_Direct_IsOptedInAndRaisesAnEvent()
    {
        var ctx = new ConsentTestContext();

        var record = await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, "form-42");

        var state = await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing);
        Assert.Equal(ConsentStatus.OptedIn, state.Status);
        Assert.Equal(ctx.Clock.GetUtcNow(), state.Since);
        Assert.Same(record, Assert.Single(ctx.Events.Recorded));
        Assert.Equal("form-42", record.EvidenceReference);
        Assert.Equal(ConsentStatus.None, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Utility)).Status);
    }

    [Fact]
    public async Task DoubleOptIn_PendingUntilConfirmed_ThenOptedIn()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, requireConfirmation: true);

        var pending = await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing);
        Assert.Equal(ConsentStatus.PendingConfirmation, pending.Status);
        Assert.Equal(ctx.Clock.GetUtcNow().AddHours(48), pending.PendingExpiresAt);

        ctx.Clock.Advance(TimeSpan.FromHours(47));
        Assert.True(await ctx.Ledger.ConfirmOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WhatsAppReply, "wamid.CONFIRM"));

        Assert.Equal(ConsentStatus.OptedIn, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
        ctx.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(ConsentStatus.OptedIn, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
    }

    [Fact]
    public async Task DoubleOptIn_PendingExpires_IsNoneAndCannotBeConfirmed()
    {
        var ctx = new ConsentTestContext(o => o.PendingConfirmationTimeout = TimeSpan.FromHours(2));
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, requireConfirmation: true);

        ctx.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(ConsentStatus.None, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
        Assert.False(await ctx.Ledger.ConfirmOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WhatsAppReply));
        Assert.Single(await ctx.Ledger.GetHistoryAsync(Number));
    }

    [Fact]
    public async Task ConfirmOptInAsync_NothingPending_RecordsNothing()
    {
        var ctx = new ConsentTestContext();

        Assert.False(await ctx.Ledger.ConfirmOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WhatsAppReply));
        Assert.Empty(await ctx.Ledger.GetHistoryAsync(Number));
    }

    [Fact]
    public async Task PendingAfterOptOut_ExpiresBackToOptedOut()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptOutAsync(Number, ConsentPurposes.Marketing, ConsentSources.Api);
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, requireConfirmation: true);
        Assert.Equal(ConsentStatus.PendingConfirmation, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);

        ctx.Clock.Advance(TimeSpan.FromHours(49));

        Assert.Equal(ConsentStatus.OptedOut, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
    }

    [Fact]
    public async Task RecordOptOutAsync_OnePurpose_LeavesOthers()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm);
        await ctx.Ledger.RecordOptInAsync(Number, "newsletter_weekly", ConsentSources.WebForm);

        await ctx.Ledger.RecordOptOutAsync(Number, ConsentPurposes.Marketing, ConsentSources.Api);

        Assert.Equal(ConsentStatus.OptedOut, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
        Assert.Equal(ConsentStatus.OptedIn, (await ctx.Ledger.GetStatusAsync(Number, "newsletter_weekly")).Status);
    }

    [Fact]
    public async Task RecordOptOutAsync_AllPurposes_CoversEveryPurpose_AndALaterOptInWins()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm);

        await ctx.Ledger.RecordOptOutAsync(Number, null, ConsentSources.WhatsAppKeyword);

        foreach (var purpose in new[] { ConsentPurposes.Marketing, ConsentPurposes.Utility, ConsentPurposes.Authentication, "custom_1" })
        {
            Assert.Equal(ConsentStatus.OptedOut, (await ctx.Ledger.GetStatusAsync(Number, purpose)).Status);
        }

        ctx.Clock.Advance(TimeSpan.FromMinutes(5));
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm);
        Assert.Equal(ConsentStatus.OptedIn, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Marketing)).Status);
        Assert.Equal(ConsentStatus.OptedOut, (await ctx.Ledger.GetStatusAsync(Number, ConsentPurposes.Utility)).Status);
    }

    [Fact]
    public async Task History_IsAppendOnly_EveryChangeKeptInOrder()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, requireConfirmation: true);
        ctx.Clock.Advance(TimeSpan.FromMinutes(1));
        await ctx.Ledger.ConfirmOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WhatsAppReply);
        ctx.Clock.Advance(TimeSpan.FromMinutes(1));
        await ctx.Ledger.RecordOptOutAsync(Number, null, ConsentSources.Api);
        var first = await ctx.Ledger.GetHistoryAsync(Number);

        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.Import);
        var history = await ctx.Ledger.GetHistoryAsync(Number);

        Assert.Equal([ConsentRecordKind.OptInPending, ConsentRecordKind.OptIn, ConsentRecordKind.OptOut, ConsentRecordKind.OptIn], history.Select(r => r.Kind));
        Assert.Equal(first, history.Take(3));
        Assert.Equal(4, ctx.Events.Recorded.Count);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.RecordedAt <= p.Second.RecordedAt));
    }

    [Fact]
    public async Task Records_NameTheSubjectByHmacOfTheDigits_NeverTheNumber()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm);

        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConsentTestContext.Pepper), Encoding.UTF8.GetBytes(Digits))).ToLowerInvariant();
        var record = Assert.Single(await ctx.Ledger.GetHistoryAsync("16505551234"));
        Assert.Equal(expected, record.SubjectKey);
        Assert.DoesNotContain(Digits, record.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_WritesOneJsonLinePerRecord_WithoutTheNumber()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm, "form-7", requireConfirmation: true);
        await ctx.Ledger.RecordOptOutAsync(Number, null, ConsentSources.WhatsAppKeyword, "wamid.STOP");
        await ctx.Ledger.RecordOptInAsync("+44 7700 900123", ConsentPurposes.Marketing, ConsentSources.WebForm);

        using var stream = new MemoryStream();
        Assert.Equal(2, await ctx.Ledger.ExportAsync(Number, stream));

        var text = Encoding.UTF8.GetString(stream.ToArray());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("opt_in_pending", first.RootElement.GetProperty("kind").GetString());
        Assert.Equal("marketing", first.RootElement.GetProperty("purpose").GetString());
        Assert.Equal("form-7", first.RootElement.GetProperty("evidence").GetString());
        Assert.True(first.RootElement.TryGetProperty("expires_at", out _));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("opt_out", second.RootElement.GetProperty("kind").GetString());
        Assert.False(second.RootElement.TryGetProperty("purpose", out _));
        Assert.DoesNotContain(Digits, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_RemovesThePersonsRecordsAndWindow_OnlyTheirs()
    {
        var ctx = new ConsentTestContext();
        await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.WebForm);
        await ctx.Ledger.RecordOptOutAsync(Number, ConsentPurposes.Utility, ConsentSources.Api);
        await ctx.Ledger.RecordOptInAsync("+44 7700 900123", ConsentPurposes.Marketing, ConsentSources.WebForm);
        var subject = await ctx.Ledger.GetSubjectKeyAsync(Number);
        ctx.Window.RecordInbound(subject, ctx.Clock.GetUtcNow());

        Assert.Equal(2, await ctx.Ledger.EraseAsync(Number));

        Assert.Empty(await ctx.Ledger.GetHistoryAsync(Number));
        Assert.Null(ctx.Window.GetLastInbound(subject));
        Assert.Single(await ctx.Ledger.GetHistoryAsync("+44 7700 900123"));
        Assert.Equal((subject, 2), Assert.Single(ctx.Events.Erased));
    }

    [Theory]
    [InlineData("Marketing")]
    [InlineData("")]
    [InlineData("promo-2026")]
    [InlineData("a b")]
    public async Task RecordOptInAsync_InvalidPurpose_ValidationNamesTheField(string purpose)
    {
        var ctx = new ConsentTestContext();

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(async () => await ctx.Ledger.RecordOptInAsync(Number, purpose, ConsentSources.Api));

        Assert.Equal("purpose", ex.Field);
        Assert.Equal(0, ctx.Store.SubjectCount);
    }

    [Fact]
    public async Task RecordOptInAsync_InvalidNumber_ValidationNeverEchoesIt()
    {
        var ctx = new ConsentTestContext();

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(async () => await ctx.Ledger.RecordOptInAsync("12", ConsentPurposes.Marketing, ConsentSources.Api));

        Assert.Equal("to", ex.Field);
        Assert.Equal(0, ctx.Store.SubjectCount);
    }

    [Fact]
    public async Task RecordOptInAsync_TooLongEvidence_IsRefused()
    {
        var ctx = new ConsentTestContext();

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(async () => await ctx.Ledger.RecordOptInAsync(Number, ConsentPurposes.Marketing, ConsentSources.Api, new string('e', 257)));

        Assert.Equal("evidence_reference", ex.Field);
    }
}
