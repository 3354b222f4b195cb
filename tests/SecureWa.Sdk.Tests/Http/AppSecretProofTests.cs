using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Http;

public class AppSecretProofTests
{
    [Fact]
    public void Compute_PublishedHmacVector_MatchesLowercaseHex()
    {
        // RFC 2104 / Wikipedia HMAC-SHA256 example: key "key", message "The quick brown fox jumps over the lazy dog".
        var proof = AppSecretProof.Compute("The quick brown fox jumps over the lazy dog", "key");

        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", proof);
    }

    [Fact]
    public void Compute_RandomTokenAndSecret_MatchesIndependentHmac()
    {
        var token = "EAAG" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(token)).Select(static b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, AppSecretProof.Compute(token, secret));
    }

    [Fact]
    public void Get_SamePairAgain_ReturnsCachedProof()
    {
        var cache = new AppSecretProof();
        var first = cache.Get(new SecretValue("token-1"), new SecretValue("secret-1"));

        var again = cache.Get(new SecretValue("token-1"), new SecretValue("secret-1"));

        Assert.Same(first, again);
        Assert.Equal(AppSecretProof.Compute("token-1", "secret-1"), first);
    }

    [Fact]
    public void Get_TokenOrSecretChanged_Recomputes()
    {
        var cache = new AppSecretProof();
        var first = cache.Get(new SecretValue("token-1"), new SecretValue("secret-1"));

        var newToken = cache.Get(new SecretValue("token-2"), new SecretValue("secret-1"));
        var newSecret = cache.Get(new SecretValue("token-2"), new SecretValue("secret-2"));

        Assert.NotEqual(first, newToken);
        Assert.Equal(AppSecretProof.Compute("token-2", "secret-1"), newToken);
        Assert.Equal(AppSecretProof.Compute("token-2", "secret-2"), newSecret);
    }
}
