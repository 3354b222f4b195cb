using SecureWa.Sdk.Http;

namespace SecureWa.Sdk.Tests.Http;

public class WhatsAppRateLimitOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var failures = new List<string>();
        var options = new WhatsAppRateLimitOptions();
        options.Validate(failures);
        Assert.Empty(failures);
        Assert.Equal(80, options.PhoneNumberPermitsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(6), options.RecipientInterval);
    }

    [Theory]
    [InlineData(nameof(WhatsAppRateLimitOptions.PhoneNumberPermitsPerSecond))]
    [InlineData(nameof(WhatsAppRateLimitOptions.PhoneNumberBurst))]
    [InlineData(nameof(WhatsAppRateLimitOptions.PhoneNumberQueueLimit))]
    [InlineData(nameof(WhatsAppRateLimitOptions.RecipientBurst))]
    [InlineData(nameof(WhatsAppRateLimitOptions.RecipientInterval))]
    [InlineData(nameof(WhatsAppRateLimitOptions.RecipientQueueLimit))]
    [InlineData(nameof(WhatsAppRateLimitOptions.MaxTrackedRecipients))]
    [InlineData(nameof(WhatsAppRateLimitOptions.MaxWait))]
    public void Validate_OutOfRange_FailsNamingTheField(string field)
    {
        var options = new WhatsAppRateLimitOptions();
        switch (field)
        {
            case nameof(options.PhoneNumberPermitsPerSecond): options.PhoneNumberPermitsPerSecond = 0; break;
            case nameof(options.PhoneNumberBurst): options.PhoneNumberBurst = 0; break;
            case nameof(options.PhoneNumberQueueLimit): options.PhoneNumberQueueLimit = -1; break;
            case nameof(options.RecipientBurst): options.RecipientBurst = -1; break;
            case nameof(options.RecipientInterval): options.RecipientInterval = TimeSpan.Zero; break;
            case nameof(options.RecipientQueueLimit): options.RecipientQueueLimit = -1; break;
            case nameof(options.MaxTrackedRecipients): options.MaxTrackedRecipients = 0; break;
            case nameof(options.MaxWait): options.MaxWait = TimeSpan.FromSeconds(-1); break;
        }

        var failures = new List<string>();
        options.Validate(failures);
        Assert.Contains(failures, f => f.Contains("RateLimiting." + field, StringComparison.Ordinal));
    }
}
