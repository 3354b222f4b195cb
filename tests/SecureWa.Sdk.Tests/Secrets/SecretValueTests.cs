using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Secrets;

public class SecretValueTests
{
    [Fact]
    public void ToString_NeverRevealsTheValue()
    {
        var secret = new SecretValue("EAAG-not-a-real-token-value");

        Assert.Equal("[redacted]", secret.ToString());
        Assert.DoesNotContain("not-a-real", $"{secret}");
        Assert.Equal("EAAG-not-a-real-token-value", secret.Reveal());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" padded")]
    [InlineData("padded\n")]
    public void Constructor_EmptyOrPadded_ThrowsWithoutEchoingTheValue(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SecretValue(value));
        if (value.Trim().Length > 0)
        {
            Assert.DoesNotContain(value.Trim(), ex.Message);
        }
    }

    [Fact]
    public void HasSameValueAs_ComparesValues()
    {
        Assert.True(new SecretValue("abc").HasSameValueAs(new SecretValue("abc")));
        Assert.False(new SecretValue("abc").HasSameValueAs(new SecretValue("abd")));
        Assert.False(new SecretValue("abc").HasSameValueAs(null));
    }
}
