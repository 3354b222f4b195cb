using SecureWa.Sdk.Http;
using SecureWa.Sdk.Redis.Internal;

namespace SecureWa.Sdk.IntegrationTests.Redis;

/// <summary>The local limits applied while Redis is unreachable (no server needed).</summary>
public sealed class RedisRateLimiterScaleTests
{
    [Fact]
    public void Scale_OneThird_DividesRatesAndBurstsAndStretchesThePairInterval()
    {
        var limits = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 80, PhoneNumberBurst = 20, RecipientBurst = 3, RecipientInterval = TimeSpan.FromSeconds(6) };

        var local = RedisRateLimiter.Scale(limits, 1.0 / 3);

        Assert.Equal(26, local.PhoneNumberPermitsPerSecond);
        Assert.Equal(6, local.PhoneNumberBurst);
        Assert.Equal(1, local.RecipientBurst);
        Assert.Equal(TimeSpan.FromSeconds(18), local.RecipientInterval);
        Assert.Equal(limits.MaxWait, local.MaxWait);
    }

    [Fact]
    public void Scale_TinyShare_KeepsAtLeastOnePermitAndThePairLimitOff()
    {
        var limits = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 2, PhoneNumberBurst = 1, RecipientBurst = 0 };

        var local = RedisRateLimiter.Scale(limits, 0.01);

        Assert.Equal(1, local.PhoneNumberPermitsPerSecond);
        Assert.Equal(1, local.PhoneNumberBurst);
        Assert.Equal(0, local.RecipientBurst);
        Assert.True(local.RecipientInterval <= TimeSpan.FromHours(1));
    }
}
