using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.Tests.Sessions;

public sealed class OperatorSessionServiceTests : IDisposable
{
    private static readonly WhatsAppOperator AdminActor = new("op-admin", [WhatsAppRoles.Admin], "sid-admin");
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task IssueAsync_CompactEs256WithKidAndTheSessionClaims_ValidatesToTheOperator()
    {
        var issued = await _kit.Service.IssueAsync("op-7", [WhatsAppRoles.Agent, WhatsAppRoles.Supervisor]);

        var parts = issued.Token.Reveal().Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0]));
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(Base64UrlEncoder.Encode(SessionKit.KeyFromPem(_kit.CurrentKeyPem).ComputeJwkThumbprint()), header.RootElement.GetProperty("kid").GetString());
        var claims = payload.RootElement;
        Assert.Equal("op-7", claims.GetProperty("sub").GetString());
        Assert.Equal(issued.SessionId, claims.GetProperty("sid").GetString());
        Assert.Equal(["agent", "supervisor"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(SessionKit.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(SessionKit.Audience, claims.GetProperty("aud").GetString());
        Assert.Equal(_kit.Clock.GetUtcNow().ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(_kit.Clock.GetUtcNow().AddHours(8).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());

        var result = await _kit.Service.ValidateAsync(issued.Token.Reveal(), "203.0.113.9");

        Assert.True(result.IsValid);
        Assert.Equal("op-7", result.Operator!.Id);
        Assert.Equal(["agent", "supervisor"], result.Operator.Roles);
        Assert.Equal(issued.SessionId, result.Operator.SessionId);
        Assert.Equal("203.0.113.9", result.Operator.ClientIp);
        Assert.Null(result.IdentityProvider);
    }

    [Fact]
    public async Task Validate_PastExp_IsExpired_WithinSkewIsNot()
    {
        using var kit = new SessionKit(o => { o.IdleTimeout = TimeSpan.FromHours(9); o.SessionLifetime = TimeSpan.FromHours(1); });
        var token = (await kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent])).Token.Reveal();

        kit.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(29));
        Assert.True((await kit.Service.ValidateAsync(token)).IsValid);

        kit.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(OperatorSessionRejection.Expired, (await kit.Service.ValidateAsync(token)).Rejection);
    }

    [Fact]
    public async Task Validate_BeforeNbf_IsNotYetValid()
    {
        var token = _kit.Forge(notBefore: _kit.Clock.GetUtcNow().AddMinutes(5), expires: _kit.Clock.GetUtcNow().AddHours(1));

        Assert.Equal(OperatorSessionRejection.NotYetValid, (await _kit.Service.ValidateAsync(token)).Rejection);
    }

    [Fact]
    public async Task Validate_OtherKey_OrTamperedPayload_IsBadSignature()
    {
        var otherKey = _kit.Forge(pem: SessionKit.NewKeyPem());
        var genuine = (await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent])).Token.Reveal().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(genuine[1])).Replace("\"agent\"", "\"admin\"", StringComparison.Ordinal);
        var tampered = genuine[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + genuine[2];

        Assert.Equal(OperatorSessionRejection.BadSignature, (await _kit.Service.ValidateAsync(otherKey)).Rejection);
        Assert.Equal(OperatorSessionRejection.BadSignature, (await _kit.Service.ValidateAsync(tampered)).Rejection);
    }

    [Fact]
    public async Task Validate_HmacOrUnsignedToken_IsRefused()
    {
        var hmac = _kit.Forge(key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), algorithm: SecurityAlgorithms.HmacSha256);
        var parts = _kit.Forge().Split('.');
        var unsigned = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + parts[1] + ".";

        Assert.Equal(OperatorSessionRejection.BadSignature, (await _kit.Service.ValidateAsync(hmac)).Rejection);
        Assert.False((await _kit.Service.ValidateAsync(unsigned)).IsValid);
    }

    [Fact]
    public async Task Validate_WrongAudience_AndWrongIssuer_AreTyped()
    {
        Assert.Equal(OperatorSessionRejection.WrongAudience, (await _kit.Service.ValidateAsync(_kit.Forge(audience: "another-api"))).Rejection);
        Assert.Equal(OperatorSessionRejection.WrongIssuer, (await _kit.Service.ValidateAsync(_kit.Forge(issuer: "https://evil.example.test"))).Rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task Validate_Garbage_IsMalformed(string token)
    {
        Assert.Equal(OperatorSessionRejection.Malformed, (await _kit.Service.ValidateAsync(token)).Rejection);
    }

    [Fact]
    public async Task Validate_MissingSidOrSub_IsMalformed()
    {
        Assert.Equal(OperatorSessionRejection.Malformed, (await _kit.Service.ValidateAsync(_kit.Forge(sid: null))).Rejection);
        Assert.Equal(OperatorSessionRejection.Malformed, (await _kit.Service.ValidateAsync(_kit.Forge(sub: null))).Rejection);
    }

    [Fact]
    public async Task Validate_IssuedLongerAgoThanTheMaximum_OrClaimingALongerLifetime_IsTooOld()
    {
        var now = _kit.Clock.GetUtcNow();
        var old = _kit.Forge(issuedAt: now.AddHours(-9), expires: now.AddHours(1));
        var long_ = _kit.Forge(issuedAt: now, expires: now.AddHours(24));

        Assert.Equal(OperatorSessionRejection.TooOld, (await _kit.Service.ValidateAsync(old)).Rejection);
        Assert.Equal(OperatorSessionRejection.TooOld, (await _kit.Service.ValidateAsync(long_)).Rejection);
    }

    [Fact]
    public async Task Validate_UnknownRole_IsRefused_AndIssueRefusesIt()
    {
        Assert.Equal(OperatorSessionRejection.UnknownRole, (await _kit.Service.ValidateAsync(_kit.Forge(roles: new[] { "agent", "root" }))).Rejection);
        Assert.Equal(OperatorSessionRejection.UnknownRole, (await _kit.Service.ValidateAsync(_kit.Forge(roles: Array.Empty<string>()))).Rejection);
        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _kit.Service.IssueAsync("op-1", ["root"]));
        Assert.Equal("roles", ex.Field);
    }

    [Fact]
    public async Task RevokeSessionAsync_RefusesThatSessionOnly_OnTheNextCall()
    {
        var first = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var second = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        Assert.True((await _kit.Service.ValidateAsync(first.Token.Reveal())).IsValid);

        await _kit.Service.RevokeSessionAsync(first.SessionId, AdminActor);

        var refused = await _kit.Service.ValidateAsync(first.Token.Reveal());
        Assert.Equal(OperatorSessionRejection.Revoked, refused.Rejection);
        Assert.Equal(first.SessionId, refused.SessionId);
        Assert.True((await _kit.Service.ValidateAsync(second.Token.Reveal())).IsValid);
    }

    [Fact]
    public async Task RevokeOperatorSessionsAsync_ForcedLogout_LaterLoginWorks_OtherOperatorsUntouched()
    {
        var a1 = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var a2 = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var b = await _kit.Service.IssueAsync("op-2", [WhatsAppRoles.Agent]);
        _kit.Clock.Advance(TimeSpan.FromSeconds(10));

        await _kit.Service.RevokeOperatorSessionsAsync("op-1", AdminActor);
        _kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);

        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(a1.Token.Reveal())).Rejection);
        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(a2.Token.Reveal())).Rejection);
        Assert.True((await _kit.Service.ValidateAsync(b.Token.Reveal())).IsValid);
        Assert.True((await _kit.Service.ValidateAsync(later.Token.Reveal())).IsValid);
    }

    [Fact]
    public async Task RevokeAllSessionsAsync_Incident_RefusesEverySessionIssuedBefore()
    {
        var a = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var b = await _kit.Service.IssueAsync("op-2", [WhatsAppRoles.Supervisor]);

        await _kit.Service.RevokeAllSessionsAsync(AdminActor);
        _kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);

        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(a.Token.Reveal())).Rejection);
        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(b.Token.Reveal())).Rejection);
        Assert.True((await _kit.Service.ValidateAsync(after.Token.Reveal())).IsValid);
    }

    [Fact]
    public async Task Validate_UnusedLongerThanIdleTimeout_IsIdle_UseKeepsItAlive()
    {
        var kept = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var idle = await _kit.Service.IssueAsync("op-2", [WhatsAppRoles.Agent]);

        _kit.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True((await _kit.Service.ValidateAsync(kept.Token.Reveal())).IsValid);
        _kit.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.True((await _kit.Service.ValidateAsync(kept.Token.Reveal())).IsValid);
        Assert.Equal(OperatorSessionRejection.Idle, (await _kit.Service.ValidateAsync(idle.Token.Reveal())).Rejection);
    }

    [Fact]
    public async Task Suspension_AfterInactivity_RefusesIssueAndTokens_UntilReinstated()
    {
        await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        _kit.Clock.Advance(TimeSpan.FromDays(91));

        var issue = await Assert.ThrowsAsync<OperatorSessionRejectedException>(() => _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]));
        var forged = await _kit.Service.ValidateAsync(_kit.Forge(sub: "op-1", sid: "sid-fresh"));
        await _kit.Service.ReinstateOperatorAsync("op-1", AdminActor);
        var again = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);

        Assert.Equal(OperatorSessionRejection.Suspended, issue.Reason);
        Assert.Equal(OperatorSessionRejection.Suspended, forged.Rejection);
        Assert.True((await _kit.Service.ValidateAsync(again.Token.Reveal())).IsValid);
    }

    [Fact]
    public async Task Rotation_PreviousKeyStillValidates_UntilItIsRemoved()
    {
        var old = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var oldKid = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(old.Token.Reveal().Split('.')[0])).RootElement.GetProperty("kid").GetString();

        _kit.RotateTo(SessionKit.NewKeyPem(), keepPrevious: true);
        var fresh = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var freshKid = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(fresh.Token.Reveal().Split('.')[0])).RootElement.GetProperty("kid").GetString();

        Assert.NotEqual(oldKid, freshKid);
        Assert.True((await _kit.Service.ValidateAsync(old.Token.Reveal())).IsValid);
        Assert.True((await _kit.Service.ValidateAsync(fresh.Token.Reveal())).IsValid);

        _kit.RotateTo(SessionKit.NewKeyPem(), keepPrevious: false);
        Assert.Equal(OperatorSessionRejection.BadSignature, (await _kit.Service.ValidateAsync(old.Token.Reveal())).Rejection);
    }

    [Fact]
    public async Task SigningKey_WrongCurveOrNotAKey_FailsWithoutQuotingIt()
    {
        _kit.RotateTo(SessionKit.NewKeyPem(ECCurve.NamedCurves.nistP384), keepPrevious: false);
        var curve = await Assert.ThrowsAsync<SecureWa.Sdk.Secrets.SecretProviderException>(() => _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]));
        _kit.Secrets.Set(SecureWa.Sdk.Secrets.SecretNames.OperatorSessionSigningKey, "-----BEGIN EC PRIVATE KEY-----\nnot-base64-secret-material\n-----END EC PRIVATE KEY-----");
        var garbage = await Assert.ThrowsAsync<SecureWa.Sdk.Secrets.SecretProviderException>(() => _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]));

        Assert.Contains("384", curve.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-material", garbage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revocation_NeedsSessionsManage()
    {
        var agent = new WhatsAppOperator("op-agent", [WhatsAppRoles.Agent], "sid-x");

        var denied = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => _kit.Service.RevokeAllSessionsAsync(agent));
        var none = await Assert.ThrowsAsync<WhatsAppAccessDeniedException>(() => _kit.Service.RevokeSessionAsync("sid-1"));

        Assert.Equal(WhatsAppPermissions.SessionsManage, denied.Permission);
        Assert.Equal(WhatsAppAccessDeniedReason.PermissionNotGranted, denied.Reason);
        Assert.Equal(WhatsAppAccessDeniedReason.NoOperator, none.Reason);
    }

    [Fact]
    public async Task LogoutAsync_EndsOwnSession_WithoutSessionsManage()
    {
        var issued = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        var self = (await _kit.Service.ValidateAsync(issued.Token.Reveal())).Operator!;

        await _kit.Service.LogoutAsync(self);

        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(issued.Token.Reveal())).Rejection);
    }

    [Fact]
    public async Task Events_IssueRevokeAndRefusal_AreRaised_WithIdsOnly()
    {
        var issued = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        await _kit.Service.RevokeSessionAsync(issued.SessionId, AdminActor);
        await _kit.Service.ValidateAsync(issued.Token.Reveal());

        Assert.Collection(
            _kit.Events.Received,
            e => Assert.Equal((OperatorSessionEventKind.Issued, "op-1", issued.SessionId), (e.Kind, e.OperatorId, e.SessionId)),
            e => Assert.Equal((OperatorSessionEventKind.SessionRevoked, issued.SessionId, "op-admin"), (e.Kind, e.SessionId, e.ActorId)),
            e => Assert.Equal((OperatorSessionEventKind.Rejected, OperatorSessionRejection.Revoked), (e.Kind, e.Rejection)));
    }

    [Fact]
    public async Task Events_FailingHandler_FailsTheIssue_ButNotARefusal()
    {
        _kit.Events.FailOn = e => e.Kind is OperatorSessionEventKind.Issued or OperatorSessionEventKind.Rejected;

        await Assert.ThrowsAsync<InvalidOperationException>(() => _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]));
        var refused = await _kit.Service.ValidateAsync("garbage");

        Assert.Equal(OperatorSessionRejection.Malformed, refused.Rejection);
    }

    [Fact]
    public void Options_Invalid_FailWithEveryProblem()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new OperatorSessionService(
            new OperatorSessionOptions { Issuer = "", Audience = "", Algorithm = "HS256", SessionLifetime = TimeSpan.FromHours(9) },
            new SecureWa.Sdk.Secrets.InMemorySecretProvider(),
            new InMemoryOperatorSessionStore()));

        Assert.Contains(ex.Failures, f => f.Contains("Issuer", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Audience", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("HS256", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("SessionLifetime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssueAsync_PurgesExpiredSessionRecords_AtMostHourly()
    {
        var old = await _kit.Service.IssueAsync("op-1", [WhatsAppRoles.Agent]);
        await _kit.Service.RevokeSessionAsync(old.SessionId, AdminActor);
        _kit.Clock.Advance(TimeSpan.FromHours(9));

        await _kit.Service.IssueAsync("op-2", [WhatsAppRoles.Agent]);

        var state = await _kit.Store.GetStateAsync("op-1", old.SessionId);
        Assert.False(state.SessionRevoked);
        Assert.Null(state.SessionLastUsedAt);
        Assert.NotNull(state.OperatorLastUsedAt);
    }
}
