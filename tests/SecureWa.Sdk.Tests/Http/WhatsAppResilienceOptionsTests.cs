using SecureWa.Sdk.Http;

namespace SecureWa.Sdk.Tests.Http;

public class WhatsAppResilienceOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var failures = new List<string>();
        new WhatsAppResilienceOptions().Validate(failures);
        Assert.Empty(failures);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new WhatsAppResilienceOptions();
        Assert.Equal(TimeSpan.FromSeconds(60), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.AttemptTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.False(options.RetryAmbiguousSends);
    }

    [Fact]
    public void Validate_AttemptTimeoutLongerThanTotal_Fails()
    {
        var failures = new List<string>();
        new WhatsAppResilienceOptions { TotalTimeout = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromSeconds(6) }.Validate(failures);
        Assert.Contains(failures, f => f.Contains("AttemptTimeout must not be longer than Resilience.TotalTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(WhatsAppResilienceOptions.MaxRetries))]
    [InlineData(nameof(WhatsAppResilienceOptions.BaseDelay))]
    [InlineData(nameof(WhatsAppResilienceOptions.MaxDelay))]
    [InlineData(nameof(WhatsAppResilienceOptions.CircuitBreakerFailureRatio))]
    [InlineData(nameof(WhatsAppResilienceOptions.CircuitBreakerMinimumThroughput))]
    [InlineData(nameof(WhatsAppResilienceOptions.CircuitBreakerSamplingDuration))]
    [InlineData(nameof(WhatsAppResilienceOptions.CircuitBreakerBreakDuration))]
    [InlineData(nameof(WhatsAppResilienceOptions.TotalTimeout))]
    [InlineData(nameof(WhatsAppResilienceOptions.MaxRetryAfter))]
    public void Validate_OutOfRange_FailsNamingTheField(string field)
    {
        var options = new WhatsAppResilienceOptions();
        switch (field)
        {
            case nameof(options.MaxRetries): options.MaxRetries = -1; break;
            case nameof(options.BaseDelay): options.BaseDelay = TimeSpan.FromSeconds(-1); break;
            case nameof(options.MaxDelay): options.MaxDelay = TimeSpan.FromMilliseconds(500); break;
            case nameof(options.CircuitBreakerFailureRatio): options.CircuitBreakerFailureRatio = 0; break;
            case nameof(options.CircuitBreakerMinimumThroughput): options.CircuitBreakerMinimumThroughput = 1; break;
            case nameof(options.CircuitBreakerSamplingDuration): options.CircuitBreakerSamplingDuration = TimeSpan.FromMilliseconds(10); break;
            case nameof(options.CircuitBreakerBreakDuration): options.CircuitBreakerBreakDuration = TimeSpan.Zero; break;
            case nameof(options.TotalTimeout): options.TotalTimeout = TimeSpan.Zero; break;
            case nameof(options.MaxRetryAfter): options.MaxRetryAfter = TimeSpan.FromSeconds(-1); break;
        }

        var failures = new List<string>();
        options.Validate(failures);
        Assert.Contains(failures, f => f.Contains("Resilience." + field, StringComparison.Ordinal));
    }

    [Fact]
    public void ClientConstructor_InvalidResilienceOptions_Throws()
    {
        var options = new WhatsAppClientOptions();
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new WhatsAppClient(options, new SecureWa.Sdk.Secrets.InMemorySecretProvider()));
        Assert.Contains(ex.Failures, f => f.Contains("AttemptTimeout", StringComparison.Ordinal));
    }
}
