using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.Tests.Sessions;

public sealed class OperatorSessionRegistrationTests
{
    [Fact]
    public async Task AddSecureWaOperatorSessions_BindsOptionsAndIdentityProvidersFromConfiguration()
    {
        using var idp = RSA.Create(2048);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:Issuer"] = "https://helpdesk.example.test",
            ["Sessions:Audience"] = "helpdesk-api",
            ["Sessions:IdleTimeout"] = "00:10:00",
            ["Sessions:IdentityProviders:0:Name"] = "entra",
            ["Sessions:IdentityProviders:0:Issuer"] = "https://login.microsoftonline.com/t/v2.0",
            ["Sessions:IdentityProviders:0:Audiences:0"] = "api://helpdesk",
            ["Sessions:IdentityProviders:0:SigningKeysJwks"] = SsoTokenTests.Jwks(idp, "k1"),
            ["Sessions:IdentityProviders:0:RoleMap:Helpdesk.Agent:0"] = "agent",
        }).Build();
        var services = new ServiceCollection();
        var secrets = new InMemorySecretProvider();
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            secrets.Set(SecretNames.OperatorSessionSigningKey, key.ExportECPrivateKeyPem());
        }

        services.AddSingleton<ISecretProvider>(secrets);
        services.AddSecureWaOperatorSessions(configuration.GetSection("Sessions"));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<OperatorSessionOptions>>().Value;
        var service = provider.GetRequiredService<OperatorSessionService>();
        var issued = await service.IssueAsync("op-1", [WhatsAppRoles.Agent]);

        Assert.Equal(TimeSpan.FromMinutes(10), options.IdleTimeout);
        Assert.Equal(["agent"], Assert.Single(options.IdentityProviders).RoleMap["Helpdesk.Agent"]);
        Assert.IsType<InMemoryOperatorSessionStore>(provider.GetRequiredService<IOperatorSessionStore>());
        Assert.True((await service.ValidateAsync(issued.Token.Reveal())).IsValid);
    }

    [Fact]
    public void AddSecureWaOperatorSessions_SsoRoleMapToARoleTheMapLacks_FailsOnStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sessions:Issuer"] = "https://helpdesk.example.test",
            ["Sessions:Audience"] = "helpdesk-api",
            ["Sessions:IdentityProviders:0:Name"] = "entra",
            ["Sessions:IdentityProviders:0:Issuer"] = "https://login.microsoftonline.com/t/v2.0",
            ["Sessions:IdentityProviders:0:Audiences:0"] = "api://helpdesk",
            ["Sessions:IdentityProviders:0:SigningKeysPem:0"] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            ["Sessions:IdentityProviders:0:RoleMap:Helpdesk.Ops:0"] = "ops",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecureWaAccessControl(o => o.Roles["crm"] = ["messages.send"]);
        services.AddSecureWaOperatorSessions(configuration.GetSection("Sessions"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'ops'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PEM", ex.Message, StringComparison.Ordinal);
    }
}
