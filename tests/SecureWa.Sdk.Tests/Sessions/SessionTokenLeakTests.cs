using SecureWa.Sdk.Access;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.Tests.Sessions;

/// <summary>No token (nor its signature or payload segment) reaches a log line, an exception, a result or an event, whatever the reason.</summary>
public sealed class SessionTokenLeakTests
{
    [Fact]
    public async Task EveryRejection_LogsAndThrowsWithoutTheToken()
    {
        using var kit = new SessionKit();
        var now = kit.Clock.GetUtcNow();
        var issued = await kit.Service.IssueAsync("op-leak", [WhatsAppRoles.Agent]);
        var revoked = await kit.Service.IssueAsync("op-leak", [WhatsAppRoles.Agent]);
        await kit.Service.RevokeSessionAsync(revoked.SessionId, new WhatsAppOperator("op-admin", [WhatsAppRoles.Admin]));
        var tokens = new List<string>
        {
            issued.Token.Reveal(),
            revoked.Token.Reveal(),
            kit.Forge(pem: SessionKit.NewKeyPem()),
            kit.Forge(audience: "other"),
            kit.Forge(issuer: "https://other.example.test"),
            kit.Forge(roles: new[] { "root" }),
            kit.Forge(issuedAt: now.AddHours(-9), expires: now.AddHours(1)),
            kit.Forge(notBefore: now.AddHours(1), expires: now.AddHours(2)),
            kit.Forge(sid: null),
            issued.Token.Reveal()[..^4] + "AAAA",
        };

        var texts = new List<string> { issued.ToString(), issued.Token.ToString() };
        foreach (var token in tokens)
        {
            var result = await kit.Service.ValidateAsync(token);
            texts.Add(result.ToString());
            if (!result.IsValid)
            {
                texts.Add(Assert.Throws<OperatorSessionRejectedException>(() => result.GetOperatorOrThrow()).ToString());
            }
        }

        kit.Clock.Advance(TimeSpan.FromHours(9));
        texts.Add((await kit.Service.ValidateAsync(issued.Token.Reveal())).ToString());
        texts.AddRange(kit.Events.Received.Select(e => e.ToString()));
        lock (kit.Logs)
        {
            texts.AddRange(kit.Logs);
        }

        Assert.Contains(kit.Logs, l => l.Contains("refused", StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            var parts = token.Split('.');
            foreach (var text in texts)
            {
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
                Assert.DoesNotContain(parts[1], text, StringComparison.Ordinal);
                if (parts[2].Length > 8)
                {
                    Assert.DoesNotContain(parts[2], text, StringComparison.Ordinal);
                }
            }
        }
    }
}
