using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class HmacRecipientPseudonymizerTests
{
    [Fact]
    public async Task GetSubjectKeyAsync_IsLowercaseHexHmacOfTheDigits_StablePerNumber()
    {
        var secrets = new InMemorySecretProvider([new("Pepper", "pepper-1")]);
        var pseudonymizer = new HmacRecipientPseudonymizer(secrets, "Pepper");

        var key = await pseudonymizer.GetSubjectKeyAsync("16505551234");

        var expected = Convert.ToHexString(HMACSHA256.HashData("pepper-1"u8, "16505551234"u8)).ToLowerInvariant();
        Assert.Equal(expected, key);
        Assert.Equal(key, await pseudonymizer.GetSubjectKeyAsync("16505551234"));
        Assert.NotEqual(key, await pseudonymizer.GetSubjectKeyAsync("16505551235"));
    }

    [Fact]
    public async Task GetSubjectKeyAsync_RotatedPepper_UsesTheNewKey()
    {
        var secrets = new InMemorySecretProvider([new("Pepper", "pepper-1")]);
        var pseudonymizer = new HmacRecipientPseudonymizer(secrets, "Pepper");
        var before = await pseudonymizer.GetSubjectKeyAsync("16505551234");

        secrets.Set("Pepper", "pepper-2");

        var after = await pseudonymizer.GetSubjectKeyAsync("16505551234");
        Assert.NotEqual(before, after);
        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("pepper-2"), "16505551234"u8)).ToLowerInvariant(), after);
    }

    [Fact]
    public async Task GetSubjectKeyAsync_NoPepper_ThrowsSecretNotFoundNamingTheSecret()
    {
        var pseudonymizer = new HmacRecipientPseudonymizer(new InMemorySecretProvider(), "Pepper");

        await Assert.ThrowsAsync<SecretNotFoundException>(async () => await pseudonymizer.GetSubjectKeyAsync("16505551234"));
    }
}
