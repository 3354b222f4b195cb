using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Tests.Access;

public sealed class WhatsAppRoleMapTests
{
    [Theory]
    [InlineData(WhatsAppPermissions.MessagesSend)]
    [InlineData(WhatsAppPermissions.MessagesSendTemplate)]
    [InlineData(WhatsAppPermissions.MessagesMarkRead)]
    [InlineData(WhatsAppPermissions.MediaUpload)]
    [InlineData(WhatsAppPermissions.MediaDownload)]
    public void BuiltIn_AgentAndSupervisor_MaySendAndHandleMedia(string permission)
    {
        Assert.True(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Agent], permission));
        Assert.True(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Supervisor], permission));
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Admin], permission));
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Service], permission));
    }

    [Theory]
    [InlineData(WhatsAppPermissions.TemplatesRead)]
    [InlineData(WhatsAppPermissions.TemplatesManage)]
    [InlineData(WhatsAppPermissions.TokensInspect)]
    [InlineData(WhatsAppPermissions.WebhooksManage)]
    [InlineData(WhatsAppPermissions.FlowsManage)]
    [InlineData(WhatsAppPermissions.PhoneNumbersManage)]
    [InlineData(WhatsAppPermissions.BusinessProfileManage)]
    [InlineData(WhatsAppPermissions.RetentionManage)]
    [InlineData(WhatsAppPermissions.PermissionsManage)]
    [InlineData(WhatsAppPermissions.SessionsManage)]
    [InlineData(WhatsAppPermissions.AuditExport)]
    [InlineData(WhatsAppPermissions.MediaDelete)]
    public void BuiltIn_AdminOnlyPermissions_AreNotGrantedToAgentsOrSupervisors(string permission)
    {
        Assert.True(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Admin], permission));
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Agent], permission));
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Supervisor], permission));
    }

    [Fact]
    public void BuiltIn_Supervisor_IsAgentPlusAuditReadAndMetrics()
    {
        var agent = WhatsAppRoleMap.BuiltIn.GetPermissions(WhatsAppRoles.Agent);
        var supervisor = WhatsAppRoleMap.BuiltIn.GetPermissions(WhatsAppRoles.Supervisor);
        Assert.Equal(
            agent.Append(WhatsAppPermissions.AuditRead).Append(WhatsAppPermissions.MetricsRead).Order(StringComparer.Ordinal),
            supervisor.Order(StringComparer.Ordinal));
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants([WhatsAppRoles.Agent], WhatsAppPermissions.AuditRead));
    }

    [Fact]
    public void BuiltIn_Service_HasNothing_AndEveryPermissionButErasureHasABuiltInRole()
    {
        Assert.Empty(WhatsAppRoleMap.BuiltIn.GetPermissions(WhatsAppRoles.Service));
        var granted = WhatsAppRoles.BuiltIn.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([WhatsAppPermissions.AuditErase], WhatsAppPermissions.All.Where(p => !granted.Contains(p)));
        Assert.All(granted, p => Assert.True(WhatsAppPermissions.IsKnown(p), p));
    }

    [Fact]
    public void Grants_UnknownRole_GrantsNothing_AndRolesAreCaseInsensitive()
    {
        Assert.False(WhatsAppRoleMap.BuiltIn.Grants(["root"], WhatsAppPermissions.MessagesSend));
        Assert.True(WhatsAppRoleMap.BuiltIn.Grants(["root", "AGENT"], WhatsAppPermissions.MessagesSend));
        Assert.False(WhatsAppRoleMap.BuiltIn.IsKnownRole("root"));
    }

    [Fact]
    public void ConfiguredRole_ReplacesTheBuiltInOfTheSameName_AndAddsNewOnes()
    {
        var map = new WhatsAppRoleMap(new WhatsAppAccessControlOptions
        {
            Roles = new(StringComparer.OrdinalIgnoreCase)
            {
                ["service"] = [WhatsAppPermissions.MessagesSendTemplate],
                ["privacy_officer"] = [WhatsAppPermissions.AuditExport, WhatsAppPermissions.AuditErase],
            },
        });

        Assert.True(map.Grants([WhatsAppRoles.Service], WhatsAppPermissions.MessagesSendTemplate));
        Assert.False(map.Grants([WhatsAppRoles.Service], WhatsAppPermissions.MessagesSend));
        Assert.True(map.Grants(["privacy_officer"], WhatsAppPermissions.AuditErase));
        Assert.True(map.Grants([WhatsAppRoles.Agent], WhatsAppPermissions.MessagesSend));
    }

    [Fact]
    public void WithoutBuiltIns_OnlyConfiguredRolesExist()
    {
        var map = new WhatsAppRoleMap(new WhatsAppAccessControlOptions { IncludeBuiltInRoles = false, Roles = new() { ["ops"] = [WhatsAppPermissions.TokensInspect] }, AssignmentRestrictedRoles = [] });

        Assert.Equal(["ops"], map.Roles);
        Assert.False(map.Grants([WhatsAppRoles.Admin], WhatsAppPermissions.TokensInspect));
    }

    [Fact]
    public void Validate_UnknownPermissionOrRole_NamesEachProblem()
    {
        var problems = WhatsAppRoleMap.Validate(new WhatsAppAccessControlOptions
        {
            Roles = new() { ["crm"] = ["messages.sned"] },
            AssignmentRestrictedRoles = ["agnet"],
        });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'crm'", StringComparison.Ordinal) && p.Contains("'messages.sned'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'agnet'", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WhatsAppRoleMap(new WhatsAppAccessControlOptions { Roles = new() { ["crm"] = ["nope"] } }));
    }

    [Fact]
    public void AddSecureWaAccessControl_BindsRolesFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AccessControl:Roles:crm-sync:0"] = "messages.send_template",
            ["AccessControl:Roles:crm-sync:1"] = "templates.read",
            ["AccessControl:AssignmentRestrictedRoles:0"] = "agent",
            ["AccessControl:AssignmentRestrictedRoles:1"] = "crm-sync",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecureWaAccessControl(configuration.GetSection("AccessControl"));
        using var provider = services.BuildServiceProvider();

        var map = provider.GetRequiredService<WhatsAppRoleMap>();

        Assert.True(map.Grants(["crm-sync"], WhatsAppPermissions.TemplatesRead));
        Assert.False(map.Grants(["crm-sync"], WhatsAppPermissions.MessagesSend));
        Assert.True(map.IsAssignmentRestricted("crm-sync"));
    }

    [Fact]
    public void AddSecureWaAccessControl_UnknownPermissionInConfiguration_FailsOnStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AccessControl:Roles:crm-sync:0"] = "messages.send_everything",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecureWaAccessControl(configuration.GetSection("AccessControl"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("messages.send_everything", ex.Message, StringComparison.Ordinal);
    }
}
