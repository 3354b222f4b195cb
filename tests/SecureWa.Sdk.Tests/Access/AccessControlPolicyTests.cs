using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Messages;

namespace SecureWa.Sdk.Tests.Access;

public sealed class AccessControlPolicyTests
{
    private const string PhoneNumberId = "106540352242922";
    private static readonly WhatsAppOperator Agent = new("op-agent-1", [WhatsAppRoles.Agent], "sid-a");
    private static readonly WhatsAppOperator Admin = new("op-admin-1", [WhatsAppRoles.Admin], "sid-b");

    [Fact]
    public async Task SendAsync_AgentWithPermission_IsSent()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent("wamid.OK"));

        var result = await fixture.Client.ForOperator(Agent).Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Equal("wamid.OK", result.MessageId);
        Assert.Single(fixture.Stub.Requests);
    }

    [Fact]
    public async Task DeleteMedia_Agent_IsDeniedBeforeAnyRequest_NamingOperatorPermissionAndRole()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent());

        var ex = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.ForOperator(Agent).Media.DeleteAsync("4490709327384033"));

        Assert.Empty(fixture.Stub.Requests);
        Assert.Equal(WhatsAppAccessDeniedReason.PermissionNotGranted, ex.Reason);
        Assert.Equal(WhatsAppPermissions.MediaDelete, ex.Permission);
        Assert.Equal("op-agent-1", ex.OperatorId);
        Assert.Equal(WhatsAppOperationOutcomeKind.Denied, ex.OutcomeKind);
        Assert.False(ex.RequestSent);
        Assert.Contains("op-agent-1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("media.delete", ex.Message, StringComparison.Ordinal);
        Assert.Contains("agent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Admin_IsDenied_AdminSendsNothing()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent());

        var ex = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.ForOperator(Admin).Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Empty(fixture.Stub.Requests);
        Assert.DoesNotContain("16505551234", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateSend_NeedsTheTemplatePermission()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent(), o => o.Roles["texter"] = [WhatsAppPermissions.MessagesSend]);
        var texter = new WhatsAppOperator("op-t", ["texter"]);

        var ex = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.ForOperator(texter).Messages.SendAsync(new TemplateMessage("+16505551234", "order_update", "en_US")));

        Assert.Equal(WhatsAppPermissions.MessagesSendTemplate, ex.Permission);
        Assert.Empty(fixture.Stub.Requests);
    }

    [Fact]
    public async Task NoOperator_IsDenied_FailClosed()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent());

        var ex = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Equal(WhatsAppAccessDeniedReason.NoOperator, ex.Reason);
        Assert.Null(ex.OperatorId);
        Assert.Empty(fixture.Stub.Requests);
    }

    [Fact]
    public async Task WithoutAccessControl_NoOperatorIsNeeded()
    {
        var stub = StubGraphHandler.Sent("wamid.PLAIN");
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token-value")]));
        services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Equal("wamid.PLAIN", result.MessageId);
    }

    [Fact]
    public async Task Assignment_AgentOutsideItsConversations_IsDenied_SupervisorIsNotChecked()
    {
        var assignment = new RecordingAssignment("16505550000");
        using var fixture = new Fixture(StubGraphHandler.Sent(), assignment: assignment);

        await fixture.Client.ForOperator(Agent).Messages.SendAsync(new TextMessage("+16505550000", "mine"));
        var ex = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.ForOperator(Agent).Messages.SendAsync(new TextMessage("+16505559999", "not mine")));
        await fixture.Client.ForOperator(new WhatsAppOperator("op-sup", [WhatsAppRoles.Supervisor])).Messages.SendAsync(new TextMessage("+16505559999", "any"));

        Assert.Equal(WhatsAppAccessDeniedReason.NotAssigned, ex.Reason);
        Assert.DoesNotContain("9999", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["op-agent-1:16505550000", "op-agent-1:16505559999"], assignment.Asked);
        Assert.Equal(2, fixture.Stub.Requests.Count);
        Assert.DoesNotContain(fixture.Logs, l => l.Contains("no IConversationAssignment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DefaultAssignment_AllowsAnyRecipient_AndSaysSo()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent());

        await fixture.Client.ForOperator(Agent).Messages.SendAsync(new TextMessage("+16505559999", "hi"));

        Assert.Single(fixture.Logs, l => l.Contains("no IConversationAssignment is registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AmbientOperator_FromAccessor_IsAuthorized()
    {
        using var fixture = new Fixture(StubGraphHandler.Sent(), accessor: new FixedAccessor(Admin));

        await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => fixture.Client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));
        await fixture.Client.ForOperator(Agent).Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Single(fixture.Stub.Requests);
    }

    private sealed class Fixture : IDisposable
    {
        private readonly ServiceProvider _provider;

        public Fixture(StubGraphHandler stub, Action<WhatsAppAccessControlOptions>? configure = null, IConversationAssignment? assignment = null, IWhatsAppOperatorAccessor? accessor = null)
        {
            Stub = stub;
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(new ListLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
            services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token-value")]));
            services.AddSecureWa(o => o.PhoneNumberId = PhoneNumberId).ConfigurePrimaryHttpMessageHandler(() => stub);
            services.AddSecureWaAccessControl(configure ?? (_ => { }));
            if (assignment is not null)
            {
                services.AddSingleton(assignment);
            }

            if (accessor is not null)
            {
                services.AddSingleton(accessor);
            }

            _provider = services.BuildServiceProvider();
            Client = _provider.GetRequiredService<WhatsAppClient>();
        }

        public StubGraphHandler Stub { get; }

        public WhatsAppClient Client { get; }

        public List<string> Logs { get; } = [];

        public void Dispose() => _provider.Dispose();
    }

    private sealed class RecordingAssignment(string assigned) : IConversationAssignment
    {
        public List<string> Asked { get; } = [];

        public ValueTask<bool> IsAssignedAsync(WhatsAppOperator @operator, string recipient, CancellationToken cancellationToken = default)
        {
            Asked.Add(@operator.Id + ":" + recipient);
            return new(recipient == assigned);
        }
    }

    private sealed class FixedAccessor(WhatsAppOperator op) : IWhatsAppOperatorAccessor
    {
        public WhatsAppOperator? Current => op;
    }
}
