using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.Tests.Sessions;

public sealed class SsoTokenTests : IDisposable
{
    private const string EntraIssuer = "https://login.microsoftonline.com/7c1f0b8e-tenant/v2.0";
    private const string EntraAudience = "api://securewa-crm";
    private readonly RSA _idpKey = RSA.Create(2048);
    private readonly ECDsa _pemIdpKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly SessionKit _kit;

    public SsoTokenTests()
    {
        var jwks = Jwks(_idpKey, "entra-key-1");
        _kit = new SessionKit(o =>
        {
            o.IdentityProviders.Add(new OperatorIdentityProviderOptions
            {
                Name = "entra",
                Issuer = EntraIssuer,
                Audiences = [EntraAudience],
                SigningKeysJwks = jwks,
                SubjectClaim = "oid",
                RoleMap = new() { ["WhatsApp.Agent"] = [WhatsAppRoles.Agent], ["WhatsApp.Admin"] = [WhatsAppRoles.Admin] },
            });
            o.IdentityProviders.Add(new OperatorIdentityProviderOptions
            {
                Name = "google",
                Issuer = "https://accounts.google.com",
                Audiences = ["1234-client.apps.googleusercontent.com"],
                SigningKeysPem = [_pemIdpKey.ExportSubjectPublicKeyInfoPem()],
                RoleClaim = "hd",
                RoleMap = new() { ["example.com"] = [WhatsAppRoles.Supervisor] },
            });
        });
    }

    public void Dispose()
    {
        _kit.Dispose();
        _idpKey.Dispose();
        _pemIdpKey.Dispose();
    }

    [Fact]
    public async Task EntraToken_FromJwksKey_MapsRolesAndUsesTheConfiguredSubjectClaim()
    {
        var token = EntraToken(roles: ["WhatsApp.Agent", "Some.Other.Role"]);

        var result = await _kit.Service.ValidateAsync(token);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("entra", result.IdentityProvider);
        Assert.Equal("oid-4711", result.Operator!.Id);
        Assert.Equal([WhatsAppRoles.Agent], result.Operator.Roles);
        Assert.Equal("entra:entra-sid-1", result.Operator.SessionId);
    }

    [Fact]
    public async Task GoogleToken_FromPemKey_MapsTheHostedDomainToARole()
    {
        var otherDomain = ForgeWith(new ECDsaSecurityKey(_pemIdpKey), SecurityAlgorithms.EcdsaSha256, "https://accounts.google.com", "1234-client.apps.googleusercontent.com", new() { ["sub"] = "10987654322", ["hd"] = "elsewhere.example" });
        var withHd = ForgeWith(new ECDsaSecurityKey(_pemIdpKey), SecurityAlgorithms.EcdsaSha256, "https://accounts.google.com", "1234-client.apps.googleusercontent.com", new() { ["sub"] = "10987654321", ["hd"] = "example.com" });

        var result = await _kit.Service.ValidateAsync(withHd);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal([WhatsAppRoles.Supervisor], result.Operator!.Roles);
        Assert.StartsWith("google:h", result.Operator.SessionId, StringComparison.Ordinal);
        Assert.Equal(OperatorSessionRejection.UnknownRole, (await _kit.Service.ValidateAsync(otherDomain)).Rejection);
    }

    [Fact]
    public async Task SsoToken_NoMappedRole_IsUnknownRole()
    {
        Assert.Equal(OperatorSessionRejection.UnknownRole, (await _kit.Service.ValidateAsync(EntraToken(roles: ["Finance.Reader"]))).Rejection);
    }

    [Fact]
    public async Task SsoToken_WrongAudience_OtherKey_Expired_AreTyped()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(OperatorSessionRejection.WrongAudience, (await _kit.Service.ValidateAsync(EntraToken(audience: "api://someone-else"))).Rejection);
        Assert.Equal(OperatorSessionRejection.BadSignature, (await _kit.Service.ValidateAsync(EntraToken(key: other))).Rejection);
        var expired = EntraToken();
        _kit.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(OperatorSessionRejection.Expired, (await _kit.Service.ValidateAsync(expired)).Rejection);
    }

    [Fact]
    public async Task SsoSessions_AreRevocable_ByOperator()
    {
        var token = EntraToken();
        Assert.True((await _kit.Service.ValidateAsync(token)).IsValid);
        _kit.Clock.Advance(TimeSpan.FromSeconds(5));

        await _kit.Service.RevokeOperatorSessionsAsync("oid-4711", new SecureWa.Sdk.Governance.WhatsAppOperator("op-admin", [WhatsAppRoles.Admin]));

        Assert.Equal(OperatorSessionRejection.Revoked, (await _kit.Service.ValidateAsync(token)).Rejection);
    }

    [Fact]
    public void Options_SsoMapToUnknownRole_OrNoKeys_FailOnStart()
    {
        var options = new OperatorSessionOptions { Issuer = SessionKit.Issuer, Audience = SessionKit.Audience };
        options.IdentityProviders.Add(new OperatorIdentityProviderOptions
        {
            Name = "entra",
            Issuer = EntraIssuer,
            Audiences = [EntraAudience],
            RoleMap = new() { ["WhatsApp.Agent"] = ["superuser"] },
        });

        var ex = Assert.Throws<OptionsValidationException>(() => new OperatorSessionService(options, new SecureWa.Sdk.Secrets.InMemorySecretProvider(), new InMemoryOperatorSessionStore()));

        Assert.Contains(ex.Failures, f => f.Contains("'superuser'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("no signing key", StringComparison.Ordinal));
    }

    private string EntraToken(string[]? roles = null, string audience = EntraAudience, RSA? key = null) =>
        ForgeWith(new RsaSecurityKey(key ?? _idpKey) { KeyId = "entra-key-1" }, SecurityAlgorithms.RsaSha256, EntraIssuer, audience, new()
        {
            ["sub"] = "pairwise-sub-abc",
            ["oid"] = "oid-4711",
            ["sid"] = "entra-sid-1",
            ["roles"] = roles ?? ["WhatsApp.Agent"],
        });

    private string ForgeWith(SecurityKey key, string algorithm, string issuer, string audience, Dictionary<string, object> claims)
    {
        var now = _kit.Clock.GetUtcNow();
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    internal static string Jwks(RSA key, string kid)
    {
        var p = key.ExportParameters(false);
        return $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"{{kid}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""";
    }
}
