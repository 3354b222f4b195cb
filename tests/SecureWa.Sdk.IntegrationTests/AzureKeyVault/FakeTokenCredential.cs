using System.Collections.Concurrent;
using Azure.Core;

namespace SecureWa.Sdk.IntegrationTests.AzureKeyVault;

/// <summary>A credential that hands out a dummy token and records what it was asked for.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "dummy-key-vault-token";

    public ConcurrentQueue<TokenRequestContext> Requests { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests.Enqueue(requestContext);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
