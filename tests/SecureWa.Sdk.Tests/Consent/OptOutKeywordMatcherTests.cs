using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class OptOutKeywordMatcherTests
{
    private static readonly OptOutKeywordMatcher Default = new(new ConsentOptions().OptOutKeywords);

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop")]
    [InlineData("  stop  ")]
    [InlineData("STOP!")]
    [InlineData("stop.")]
    [InlineData("¡Baja!")]
    [InlineData("baja")]
    [InlineData("PARAR")]
    [InlineData("parar")]
    [InlineData("Sair")]
    [InlineData("sáir")]
    [InlineData("Unsubscribe")]
    [InlineData("\"STOP\"")]
    [InlineData("\tStop\n")]
    [InlineData("stop 🛑")]
    public void IsMatch_KeywordAsTheWholeMessage_Matches(string text)
    {
        Assert.True(Default.IsMatch(text));
    }

    [Theory]
    [InlineData("please stop sending me stuff")]
    [InlineData("stop it")]
    [InlineData("don't stop")]
    [InlineData("STOPPED")]
    [InlineData("stopp")]
    [InlineData("unstop")]
    [InlineData("s t o p")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData(null)]
    [InlineData("Quiero darme de baja")]
    public void IsMatch_SentenceOrOtherText_DoesNotMatch(string? text)
    {
        Assert.False(Default.IsMatch(text));
    }

    [Fact]
    public void IsMatch_ConfiguredAccentedKeyword_MatchesWithAndWithoutAccents()
    {
        var matcher = new OptOutKeywordMatcher(["DÉSABONNER", "Stop promotions"]);

        Assert.True(matcher.IsMatch("desabonner"));
        Assert.True(matcher.IsMatch("Désabonner."));
        Assert.True(matcher.IsMatch("stop   promotions"));
        Assert.True(matcher.IsMatch("Stop Promotions"));
        Assert.False(matcher.IsMatch("stop"));
    }

    [Fact]
    public void IsMatch_VeryLongMessage_DoesNotMatch()
    {
        Assert.False(Default.IsMatch(new string(' ', 10_000) + "STOP" + new string('x', 100)));
    }
}
