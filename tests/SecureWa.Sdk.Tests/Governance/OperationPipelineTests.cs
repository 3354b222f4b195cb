using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Tests.Messages;

namespace SecureWa.Sdk.Tests.Governance;

public sealed class OperationPipelineTests : IDisposable
{
    private const string PhoneNumberId = "106540352242922";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var d in _disposables)
        {
            d.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_PoliciesRunInOrderAroundTheCall_AndSeeTheDescriptor()
    {
        var log = new List<string>();
        var stub = StubGraphHandler.Sent("wamid.ORDER");
        var client = CreateClient(stub, new RecordingPolicy(200, "consent", log), new RecordingPolicy(100, "authorize", log), new RecordingPolicy(300, "audit", log));

        await client.ForOperator(new WhatsAppOperator("op-7", ["agent"], "sid-1")).Messages.SendAsync(new TemplateMessage("+16505551234", "order_update", "en_US"));

        Assert.Equal(
            ["before authorize", "before consent", "before audit", "after audit Accepted", "after consent Accepted", "after authorize Accepted"],
            log.Where(l => !l.StartsWith("ctx", StringComparison.Ordinal)));
        var ctx = log.Single(l => l.StartsWith("ctx audit", StringComparison.Ordinal));
        Assert.Equal("ctx audit messages.send_template op-7 sid-1 16505551234 order_update template wamid.ORDER", ctx);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_PolicyRefusesBeforeIo_NothingSentAndEveryPolicySeesTheRefusal()
    {
        var log = new List<string>();
        var stub = StubGraphHandler.Sent();
        var client = CreateClient(stub, new RecordingPolicy(100, "authorize", log, refuse: true), new RecordingPolicy(300, "audit", log));

        await Assert.ThrowsAsync<RefusedException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Empty(stub.Requests);
        Assert.Equal(["before authorize", "after audit Denied", "after authorize Denied"], log.Where(l => !l.StartsWith("ctx", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_OutcomeIsRefusedByValidation()
    {
        var log = new List<string>();
        var client = CreateClient(StubGraphHandler.Sent(), new RecordingPolicy(300, "audit", log));

        await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", new string('x', 5000))));

        Assert.Contains("after audit RefusedByValidation", log);
    }

    [Fact]
    public async Task SendAsync_ApiError_OutcomeIsFailedWithGraphCode()
    {
        var codes = new List<int?>();
        var stub = new StubGraphHandler(HttpStatusCode.BadRequest, """{"error":{"message":"bad","type":"OAuthException","code":131047,"fbtrace_id":"A"}}""");
        var client = CreateClient(stub, new CallbackPolicy(outcome => codes.Add(outcome.GraphErrorCode)));

        await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal([131047], codes);
    }

    [Fact]
    public async Task AfterAsyncFailure_DoesNotTurnAnAcceptedSendIntoAnError()
    {
        var client = CreateClient(StubGraphHandler.Sent("wamid.KEPT"), new ThrowingAfterPolicy());

        var result = await client.Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Equal("wamid.KEPT", result.MessageId);
    }

    [Fact]
    public async Task OperationWithoutRunAsync_IsGovernedAroundItsHttpCall()
    {
        var permissions = new List<string>();
        var stub = new StubGraphHandler(HttpStatusCode.OK, """{"success":true}""");
        var client = CreateClient(stub, new CallbackPolicy(_ => { }, ctx => permissions.Add(ctx.Permission)));

        await client.Media.DeleteAsync("4490709327384033");

        Assert.Equal([WhatsAppPermissions.MediaDelete], permissions);
    }

    [Fact]
    public async Task AmbientOperator_ComesFromTheAccessor_WhenNoneIsBound()
    {
        var seen = new List<string?>();
        var accessor = new FixedAccessor(new WhatsAppOperator("ambient-1", ["service"]));
        var client = CreateClient(StubGraphHandler.Sent(), accessor, new CallbackPolicy(_ => { }, ctx => seen.Add(ctx.Operator?.Id)));

        await client.Messages.SendAsync(new TextMessage("+16505551234", "hi"));
        await client.ForOperator(new WhatsAppOperator("bound-2", ["agent"])).Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Equal(["ambient-1", "bound-2"], seen);
    }

    [Fact]
    public void Operator_ToString_NamesOnlyTheId()
    {
        var op = new WhatsAppOperator("op-9", ["admin"], "sid-secret-ish", "10.0.0.1");
        Assert.Equal("operator op-9", op.ToString());
    }

    private WhatsAppClient CreateClient(StubGraphHandler stub, params WhatsAppOperationPolicy[] policies) => CreateClient(stub, null, policies);

    private WhatsAppClient CreateClient(StubGraphHandler stub, IWhatsAppOperatorAccessor? accessor, params WhatsAppOperationPolicy[] policies)
    {
        var httpClient = new HttpClient(stub);
        _disposables.Add(httpClient);
        var pipeline = new OperationPipeline(policies, accessor, TimeProvider.System, NullLogger.Instance);
        var client = new WhatsAppClient(httpClient, new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId }, NullLoggerFactory.Instance, pipeline);
        _disposables.Add(client);
        return client;
    }

    private sealed class RefusedException() : WhatsAppException("refused"), IWhatsAppPolicyRefusal
    {
        public WhatsAppOperationOutcomeKind OutcomeKind => WhatsAppOperationOutcomeKind.Denied;
    }

    private sealed class RecordingPolicy(int order, string name, List<string> log, bool refuse = false) : WhatsAppOperationPolicy
    {
        public override int Order => order;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
        {
            log.Add("before " + name);
            return refuse ? throw new RefusedException() : default;
        }

        public override ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken)
        {
            log.Add("after " + name + " " + outcome.Kind);
            log.Add($"ctx {name} {context.Permission} {context.Operator?.Id} {context.Operator?.SessionId} {context.Recipient} {context.TemplateName} {context.MessageType} {context.MessageId}");
            return default;
        }
    }

    private sealed class CallbackPolicy(Action<WhatsAppOperationOutcome> after, Action<WhatsAppOperationContext>? before = null) : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Audit;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
        {
            before?.Invoke(context);
            return default;
        }

        public override ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken)
        {
            after(outcome);
            return default;
        }
    }

    private sealed class ThrowingAfterPolicy : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Audit;

        public override ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store down");
    }

    private sealed class FixedAccessor(WhatsAppOperator op) : IWhatsAppOperatorAccessor
    {
        public WhatsAppOperator? Current => op;
    }
}
