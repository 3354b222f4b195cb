using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Access;

public sealed class HttpContextWhatsAppOperatorAccessorTests
{
    [Fact]
    public void Current_SignedInUser_BecomesTheOperator_WithRolesSidAndClientIp()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.7");
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "op-42"), new Claim("roles", "agent"), new Claim(ClaimTypes.Role, "supervisor"), new Claim("roles", "AGENT"), new Claim("sid", "sid-9")],
            "test"));
        var accessor = Create(context);

        var op = accessor.Current;

        Assert.NotNull(op);
        Assert.Equal("op-42", op.Id);
        Assert.Equal(["agent", "supervisor"], op.Roles);
        Assert.Equal("sid-9", op.SessionId);
        Assert.Equal("203.0.113.7", op.ClientIp);
        Assert.Same(op, accessor.Current);
    }

    [Fact]
    public void Current_AnonymousOrNoRequest_IsNull_AndANewPrincipalIsReadAfresh()
    {
        var context = new DefaultHttpContext();
        var accessor = Create(context);

        Assert.Null(accessor.Current);
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "op-7")], "test"));
        Assert.Equal("op-7", accessor.Current?.Id);
    }

    [Fact]
    public void Current_OutsideARequest_IsNull()
    {
        // HttpContextAccessor keeps the request in an AsyncLocal: this test's flow never set one.
        var accessor = new HttpContextWhatsAppOperatorAccessor(new HttpContextAccessor(), Options.Create(new WhatsAppOperatorClaimsOptions()));

        Assert.Null(accessor.Current);
    }

    [Fact]
    public void Current_AuthenticatedWithoutSubject_IsNoOperator()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", "admin")], "test")) };

        Assert.Null(Create(context).Current);
    }

    private static HttpContextWhatsAppOperatorAccessor Create(HttpContext context) =>
        new(new HttpContextAccessor { HttpContext = context }, Options.Create(new WhatsAppOperatorClaimsOptions()));

    [Fact]
    public async Task ForOperator_Principal_ActsForThatUser_AndRefusesAnAnonymousOne()
    {
        var seen = new List<string?>();
        var services = new ServiceCollection();
        services.AddSingleton<ISecretProvider>(new InMemorySecretProvider([new(SecretNames.AccessToken, "token-value")]));
        services.AddSingleton<WhatsAppOperationPolicy>(new SeeingPolicy(seen));
        services.AddSecureWa(o => o.PhoneNumberId = "106540352242922").ConfigurePrimaryHttpMessageHandler(() => new RefusingHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WhatsAppClient>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "op-bg"), new Claim("roles", "agent")], "test"));

        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ForOperator(user).Media.DeleteAsync("4490709327384033"));

        Assert.Equal("stop before I/O", stopped.Message);

        Assert.Equal(["op-bg"], seen);
        Assert.Throws<ArgumentException>(() => client.ForOperator(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private sealed class SeeingPolicy(List<string?> seen) : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Audit;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
        {
            seen.Add(context.Operator?.Id);
            throw new InvalidOperationException("stop before I/O");
        }
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no request may leave in this test");
    }
}
