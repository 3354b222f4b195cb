using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.IntegrationTests.Infrastructure;

namespace SecureWa.Sdk.IntegrationTests.Access;

/// <summary>
/// Operator sessions and access control end to end: a real JWT in the Authorization header of the application's own
/// endpoint on Kestrel, the SDK under it talking to WireMock. The Templates client does not exist on this branch, so the
/// admin-only call is a media delete (<c>media.delete</c>: admins only, like <c>templates.manage</c>).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class OperatorAccessKestrelTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static readonly WhatsAppOperator AdminActor = new("op-admin", [WhatsAppRoles.Admin], "sid-admin");
    private OperatorAppServer _server = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await OperatorAppServer.StartAsync(WireMock.BaseUri);
        await CloudApiStubs.StubSendAcceptedAsync(Admin, OperatorAppServer.PhoneNumberId, OperatorAppServer.Recipient, "text");
        await Admin.StubAsync(RequestPattern.For("DELETE", $"/{CloudApiStubs.ApiVersion}/4490709327384033"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }));
    }

    public override async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Agent_SendsThroughTheAppEndpoint_WireMockSeesTheSend()
    {
        var session = await _server.Sessions.IssueAsync("op-agent-1", [WhatsAppRoles.Agent]);

        using var response = await SendAsync(HttpMethod.Post, "/send", session.Token.Reveal());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wamid.stub-text", await response.Content.ReadAsStringAsync());
        var sent = Assert.Single(await Admin.GetRequestsAsync());
        Assert.Equal("POST", sent.Method);
        Assert.Equal(CloudApiStubs.MessagesPath(OperatorAppServer.PhoneNumberId), sent.Path);
    }

    [Fact]
    public async Task Agent_AdminOnlyCall_IsDenied_WireMockSeesNothing()
    {
        var session = await _server.Sessions.IssueAsync("op-agent-1", [WhatsAppRoles.Agent]);

        using var response = await SendAsync(HttpMethod.Delete, "/media/4490709327384033", session.Token.Reveal());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("PermissionNotGranted media.delete", await response.Content.ReadAsStringAsync());
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Admin_AdminOnlyCall_Reaches_WireMock()
    {
        var session = await _server.Sessions.IssueAsync("op-admin-1", [WhatsAppRoles.Admin]);

        using var response = await SendAsync(HttpMethod.Delete, "/media/4490709327384033", session.Token.Reveal());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("DELETE", Assert.Single(await Admin.GetRequestsAsync()).Method);
    }

    [Fact]
    public async Task RevokedSession_IsRefusedOnTheNextCall()
    {
        var session = await _server.Sessions.IssueAsync("op-agent-2", [WhatsAppRoles.Agent]);
        using (var first = await SendAsync(HttpMethod.Post, "/send", session.Token.Reveal()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await _server.Sessions.RevokeSessionAsync(session.SessionId, AdminActor);
        using var second = await SendAsync(HttpMethod.Post, "/send", session.Token.Reveal());

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Contains("error_description=\"Revoked\"", second.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Single(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task SsoToken_WithMappedRoles_Works_AndItsRolesLimitIt()
    {
        var agentToken = SsoToken(["Helpdesk.Agent", "Unrelated.Group"]);

        using var sent = await SendAsync(HttpMethod.Post, "/send", agentToken);
        using var denied = await SendAsync(HttpMethod.Delete, "/media/4490709327384033", agentToken);
        using var unmapped = await SendAsync(HttpMethod.Post, "/send", SsoToken(["Finance.Reader"]));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unmapped.StatusCode);
        Assert.Contains("UnknownRole", unmapped.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("POST", Assert.Single(await Admin.GetRequestsAsync()).Method);
    }

    [Fact]
    public async Task NoToken_IsUnauthorized_AndAnAnonymousSdkCallFailsClosed()
    {
        using var noToken = await SendAsync(HttpMethod.Post, "/send", token: null);
        using var anonymous = await SendAsync(HttpMethod.Post, "/anonymous-send", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal("NoOperator messages.send", await anonymous.Content.ReadAsStringAsync());
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task Tokens_NeverReachTheAppLogs()
    {
        var session = await _server.Sessions.IssueAsync("op-agent-3", [WhatsAppRoles.Agent]);
        var token = session.Token.Reveal();
        var forged = token[..^6] + "AAAAAA";
        var sso = SsoToken(["Finance.Reader"]);
        using (await SendAsync(HttpMethod.Post, "/send", token))
        using (await SendAsync(HttpMethod.Post, "/send", forged))
        using (await SendAsync(HttpMethod.Post, "/send", sso))
        {
        }

        await _server.Sessions.RevokeSessionAsync(session.SessionId, AdminActor);
        using (await SendAsync(HttpMethod.Post, "/send", token))
        {
        }

        var logs = _server.Logs.Entries.Select(e => e.Text).ToList();
        Assert.Contains(logs, l => l.Contains(session.SessionId, StringComparison.Ordinal));
        foreach (var secret in new[] { token, forged, sso, token.Split('.')[2], sso.Split('.')[2], token.Split('.')[1], _server.AccessToken })
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _server.Client.SendAsync(request);
    }

    private string SsoToken(string[] roles)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = OperatorAppServer.SsoIssuer,
            Audience = OperatorAppServer.SsoAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["oid"] = "oid-" + Guid.NewGuid().ToString("N")[..8], ["sid"] = Guid.NewGuid().ToString("N"), ["roles"] = roles },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_server.SsoKey) { KeyId = "sso-1" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
