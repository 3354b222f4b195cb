using System.Security.Cryptography;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>Audit secrets generated per test, so a leak test can grep for their values.</summary>
internal sealed class AuditTestSecrets
{
    public AuditTestSecrets()
    {
        ChainKey = "chain-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Pepper = "pepper-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        ContentKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Provider.Set(AuditSecretNames.ChainKey("1"), ChainKey);
        Provider.Set(AuditSecretNames.Pepper, Pepper);
        Provider.Set(AuditSecretNames.ContentKey("1"), ContentKey);
    }

    public InMemorySecretProvider Provider { get; } = new();

    public string ChainKey { get; }

    public string Pepper { get; }

    public string ContentKey { get; }

    public string[] Values => [ChainKey, Pepper, ContentKey];
}
