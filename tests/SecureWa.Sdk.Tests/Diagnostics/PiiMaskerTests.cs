using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Tests.Diagnostics;

public class PiiMaskerTests
{
    [Theory]
    [InlineData("+16505551234", "+*******1234")]
    [InlineData("16505551234", "*******1234")]
    [InlineData("1234", "****")]
    [InlineData("+123", "+****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskPhoneNumber_KeepsOnlyLastFourDigits(string? input, string expected)
    {
        Assert.Equal(expected, PiiMasker.MaskPhoneNumber(input));
    }
}
