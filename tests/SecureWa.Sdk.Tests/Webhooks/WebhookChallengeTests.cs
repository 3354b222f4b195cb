using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookChallengeTests
{
    private readonly WebhookChallenge _challenge = new(new SecretValue("my-verify-token"));

    [Fact]
    public void Validate_GoodHandshake_IsAccepted()
    {
        Assert.Equal(WebhookChallengeStatus.Accepted, _challenge.Validate("subscribe", "my-verify-token", "1158201444"));
    }

    [Theory]
    [InlineData("my-verify-toke")]
    [InlineData("my-verify-token2")]
    [InlineData("MY-VERIFY-TOKEN")]
    [InlineData("")]
    [InlineData("a-much-longer-token-that-shares-nothing-with-the-configured-one")]
    public void Validate_WrongToken_IsTokenMismatch(string token)
    {
        Assert.Equal(WebhookChallengeStatus.TokenMismatch, _challenge.Validate("subscribe", token, "1158201444"));
    }

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("Subscribe")]
    public void Validate_WrongMode_IsWrongMode(string mode)
    {
        Assert.Equal(WebhookChallengeStatus.WrongMode, _challenge.Validate(mode, "my-verify-token", "1158201444"));
    }

    [Theory]
    [InlineData(null, "my-verify-token", "1")]
    [InlineData("subscribe", null, "1")]
    [InlineData("subscribe", "my-verify-token", null)]
    [InlineData("subscribe", "my-verify-token", "")]
    public void Validate_MissingParameter_IsMissingParameter(string? mode, string? token, string? challenge)
    {
        Assert.Equal(WebhookChallengeStatus.MissingParameter, _challenge.Validate(mode, token, challenge));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("abc def")]
    [InlineData("abc\r\nSet-Cookie: x=1")]
    [InlineData("caf\u00e9")]
    public void Validate_ChallengeNotPlain_IsRefused(string challenge)
    {
        Assert.Equal(WebhookChallengeStatus.InvalidChallenge, _challenge.Validate("subscribe", "my-verify-token", challenge));
    }

    [Fact]
    public void IsPlainChallenge_LengthLimit_Enforced()
    {
        Assert.True(WebhookChallenge.IsPlainChallenge(new string('a', WebhookChallenge.MaxChallengeLength)));
        Assert.False(WebhookChallenge.IsPlainChallenge(new string('a', WebhookChallenge.MaxChallengeLength + 1)));
        Assert.True(WebhookChallenge.IsPlainChallenge("AZaz09_-."));
        Assert.False(WebhookChallenge.IsPlainChallenge(""));
    }
}
