using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Tests.Messages;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class ConsentPolicyTests : IDisposable
{
    private const string Number = "+16505551234";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var d in _disposables)
        {
            d.Dispose();
        }
    }

    public static TheoryData<string?, string?, bool, ConsentRefusalReason?, string> TemplateCases() => new()
    {
        // category, ledger state set-up, double opt-in, expected refusal, purpose
        { TemplateCategory.Marketing, null, false, ConsentRefusalReason.NoConsent, ConsentPurposes.Marketing },
        { TemplateCategory.Marketing, "in", false, null, ConsentPurposes.Marketing },
        { TemplateCategory.Marketing, "in", true, ConsentRefusalReason.PendingConfirmation, ConsentPurposes.Marketing },
        { TemplateCategory.Marketing, "out", false, ConsentRefusalReason.OptedOut, ConsentPurposes.Marketing },
        { TemplateCategory.Marketing, "out_all", false, ConsentRefusalReason.OptedOut, ConsentPurposes.Marketing },
        { "marketing", "in", false, null, ConsentPurposes.Marketing },
        { null, null, false, ConsentRefusalReason.CategoryUnknown, ConsentPurposes.Marketing },
        { null, "in", false, null, ConsentPurposes.Marketing },
        { "SERVICE", null, false, ConsentRefusalReason.CategoryUnknown, ConsentPurposes.Marketing },
        { TemplateCategory.Utility, null, false, null, ConsentPurposes.Utility },
        { TemplateCategory.Utility, "out", false, ConsentRefusalReason.OptedOut, ConsentPurposes.Utility },
        { TemplateCategory.Utility, "out_all", false, ConsentRefusalReason.OptedOut, ConsentPurposes.Utility },
        { TemplateCategory.Utility, "out_marketing", false, null, ConsentPurposes.Utility },
        { TemplateCategory.Authentication, null, false, null, ConsentPurposes.Authentication },
        { TemplateCategory.Authentication, "out", false, ConsentRefusalReason.OptedOut, ConsentPurposes.Authentication },
    };

    [Theory]
    [MemberData(nameof(TemplateCases))]
    public async Task SendAsync_Template_DecisionPerCategoryAndState(string? category, string? setup, bool pending, ConsentRefusalReason? expected, string purpose)
    {
        var ctx = new ConsentTestContext();
        switch (setup)
        {
            case "in":
                await ctx.Ledger.RecordOptInAsync(Number, purpose, ConsentSources.WebForm, requireConfirmation: pending);
                break;
            case "out":
                await ctx.Ledger.RecordOptOutAsync(Number, purpose, ConsentSources.Api);
                break;
            case "out_all":
                await ctx.Ledger.RecordOptOutAsync(Number, null, ConsentSources.Api);
                break;
            case "out_marketing":
                await ctx.Ledger.RecordOptOutAsync(Number, ConsentPurposes.Marketing, ConsentSources.Api);
                break;
        }

        var stub = StubGraphHandler.Sent();
        var client = CreateClient(ctx, stub);
        var send = client.Messages.SendAsync(new TemplateMessage(Number, "spring_sale", "en_US") { Category = category });

        if (expected is null)
        {
            await send;
            Assert.Single(stub.Requests);
            return;
        }

        var ex = await Assert.ThrowsAsync<WhatsAppConsentException>(() => send);
        Assert.Equal(expected, ex.Reason);
        Assert.Equal(purpose, ex.Purpose);
        Assert.Equal(WhatsAppRequestState.NotSent, ex.RequestState);
        Assert.Equal(WhatsAppOperationOutcomeKind.RefusedByConsent, ex.OutcomeKind);
        Assert.DoesNotContain("6505551234", ex.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_UtilityAfterOptOut_AllowedWhenConfiguredOff()
    {
        var ctx = new ConsentTestContext(o => o.RefuseUtilityAfterOptOut = false);
        await ctx.Ledger.RecordOptOutAsync(Number, null, ConsentSources.Api);
        var stub = StubGraphHandler.Sent();

        await CreateClient(ctx, stub).Messages.SendAsync(new TemplateMessage(Number, "order_update", "en_US") { Category = TemplateCategory.Utility });

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_FreeForm_NeedsTheWindowOpen()
    {
        var ctx = new ConsentTestContext();
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(ctx, stub);
        var subject = await ctx.Ledger.GetSubjectKeyAsync(Number);

        var closed = await Assert.ThrowsAsync<WhatsAppConsentException>(() => client.Messages.SendAsync(new TextMessage(Number, "hi")));
        Assert.Equal(ConsentRefusalReason.WindowClosed, closed.Reason);
        Assert.Equal(ConsentPurposes.Service, closed.Purpose);

        ctx.Window.RecordInbound(subject, ctx.Clock.GetUtcNow());
        ctx.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        await client.Messages.SendAsync(new TextMessage(Number, "hi"));
        Assert.Single(stub.Requests);

        ctx.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await Assert.ThrowsAsync<WhatsAppConsentException>(() => client.Messages.SendAsync(new TextMessage(Number, "hi again")));
        Assert.Equal(ConsentRefusalReason.WindowClosed, expired.Reason);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_FreeForm_WindowNotEnforcedWhenOff()
    {
        var ctx = new ConsentTestContext(o => o.EnforceServiceWindow = false);
        var stub = StubGraphHandler.Sent();

        await CreateClient(ctx, stub).Messages.SendAsync(new TextMessage(Number, "hi"));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_CategoryFromResolver_IsUsedAndCached()
    {
        var ctx = new ConsentTestContext();
        var resolver = new CountingResolver(TemplateCategory.Utility);
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(ctx, stub, resolver);

        await client.Messages.SendAsync(new TemplateMessage(Number, "order_update", "en_US"));
        await client.Messages.SendAsync(new TemplateMessage(Number, "order_update", "en_US"));

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(1, resolver.Calls);
        ctx.Clock.Advance(TimeSpan.FromHours(2));
        await client.Messages.SendAsync(new TemplateMessage(Number, "order_update", "en_US"));
        Assert.Equal(2, resolver.Calls);
    }

    [Fact]
    public async Task SendAsync_ResolverFails_FailsClosedAsMarketing()
    {
        var ctx = new ConsentTestContext();
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(ctx, stub, new CountingResolver(null, fail: true));

        var ex = await Assert.ThrowsAsync<WhatsAppConsentException>(() => client.Messages.SendAsync(new TemplateMessage(Number, "order_update", "en_US")));

        Assert.Equal(ConsentRefusalReason.CategoryUnknown, ex.Reason);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_Refused_AlertHookAndPipelineSeeTheRefusal()
    {
        var ctx = new ConsentTestContext();
        var alerts = new RecordingRefusalObserver();
        var outcomes = new List<WhatsAppOperationOutcomeKind>();
        var client = CreateClient(ctx, StubGraphHandler.Sent(), observers: [alerts], extra: new OutcomePolicy(outcomes));

        await Assert.ThrowsAsync<WhatsAppConsentException>(() => client.Messages.SendAsync(new TemplateMessage(Number, "spring_sale", "en_US") { Category = TemplateCategory.Marketing }));

        var (permission, reason) = Assert.Single(alerts.Refusals);
        Assert.Equal(WhatsAppPermissions.MessagesSendTemplate, permission);
        Assert.Equal(ConsentRefusalReason.NoConsent, reason);
        Assert.Equal([WhatsAppOperationOutcomeKind.RefusedByConsent], outcomes);
    }

    [Fact]
    public async Task MarkAsReadAsync_IsNotASend_NotChecked()
    {
        var ctx = new ConsentTestContext();
        var stub = new StubGraphHandler(System.Net.HttpStatusCode.OK, """{"success":true}""");

        await CreateClient(ctx, stub).Messages.MarkAsReadAsync("wamid.ABC");

        Assert.Single(stub.Requests);
    }

    private WhatsAppClient CreateClient(ConsentTestContext ctx, StubGraphHandler stub, ITemplateCategoryResolver? resolver = null, IConsentRefusalObserver[]? observers = null, WhatsAppOperationPolicy? extra = null)
    {
        var policy = new ConsentPolicy(ctx.Ledger, ctx.Pseudonymizer, ctx.Window, ctx.WrappedOptions, ctx.Clock, NullLogger.Instance, resolver, observers);
        var httpClient = new HttpClient(stub);
        _disposables.Add(httpClient);
        WhatsAppOperationPolicy[] policies = extra is null ? [policy] : [policy, extra];
        var pipeline = new OperationPipeline(policies, null, ctx.Clock, NullLogger.Instance);
        var client = new WhatsAppClient(httpClient, new WhatsAppClientOptions { PhoneNumberId = "106540352242922" }, NullLoggerFactory.Instance, pipeline);
        _disposables.Add(client);
        return client;
    }

    private sealed class CountingResolver(string? category, bool fail = false) : ITemplateCategoryResolver
    {
        public int Calls { get; private set; }

        public ValueTask<string?> GetCategoryAsync(string templateName, CancellationToken cancellationToken = default)
        {
            Calls++;
            return fail ? throw new HttpRequestException("templates API down") : new(category);
        }
    }

    private sealed class RecordingRefusalObserver : IConsentRefusalObserver
    {
        public List<(string Permission, ConsentRefusalReason Reason)> Refusals { get; } = [];

        public ValueTask OnConsentRefusedAsync(WhatsAppOperationContext context, WhatsAppConsentException refusal, CancellationToken cancellationToken = default)
        {
            Refusals.Add((context.Permission, refusal.Reason));
            return default;
        }
    }

    private sealed class OutcomePolicy(List<WhatsAppOperationOutcomeKind> outcomes) : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Audit;

        public override ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken)
        {
            outcomes.Add(outcome.Kind);
            return default;
        }
    }
}
