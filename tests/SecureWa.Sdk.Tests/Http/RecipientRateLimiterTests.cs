using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public class RecipientRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TryReserve_BurstThenOnePerInterval()
    {
        var limiter = new RecipientRateLimiter(burst: 3, TimeSpan.FromSeconds(6), queueLimit: 10, capacity: 100, _clock);
        var key = limiter.GetKey("1234567", "+15550001");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
        }

        Assert.Equal(TimeSpan.FromSeconds(6), limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
        limiter.EndWait(key);
        Assert.Equal(TimeSpan.FromSeconds(12), limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
        limiter.EndWait(key);

        _clock.Advance(TimeSpan.FromSeconds(18));
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
    }

    [Fact]
    public void TryReserve_NeverExceedsBurstPlusRateInAnyWindow()
    {
        // Simulate a sender that asks as often as it is allowed for two minutes of fake time.
        var interval = TimeSpan.FromSeconds(6);
        const int burst = 3;
        var limiter = new RecipientRateLimiter(burst, interval, queueLimit: 0, capacity: 100, _clock);
        var key = limiter.GetKey("1234567", "+15550001");
        var admitted = new List<DateTimeOffset>();
        var end = _clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (_clock.GetUtcNow() < end)
        {
            if (limiter.TryReserve(key, TimeSpan.Zero, out _) == TimeSpan.Zero)
            {
                admitted.Add(_clock.GetUtcNow());
            }

            _clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        foreach (var window in new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(30) })
        {
            var allowed = burst + (int)(window.Ticks / interval.Ticks);
            foreach (var start in admitted)
            {
                var inWindow = admitted.Count(t => t >= start && t < start + window);
                Assert.True(inWindow <= allowed, $"{inWindow} admitted in {window}, allowed {allowed}");
            }
        }

        Assert.InRange(admitted.Count, 20, 23); // 3 + 120 s / 6 s
    }

    [Fact]
    public void TryReserve_WaitBeyondMaxWait_IsRefusedWithRetryAfter()
    {
        var limiter = new RecipientRateLimiter(burst: 1, TimeSpan.FromSeconds(6), queueLimit: 10, capacity: 100, _clock);
        var key = limiter.GetKey("1234567", "+15550001");
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(key, TimeSpan.FromSeconds(1), out _));

        Assert.Null(limiter.TryReserve(key, TimeSpan.FromSeconds(1), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
    }

    [Fact]
    public void TryReserve_QueueFull_IsRefused()
    {
        var limiter = new RecipientRateLimiter(burst: 1, TimeSpan.FromSeconds(1), queueLimit: 2, capacity: 100, _clock);
        var key = limiter.GetKey("1234567", "+15550001");
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));

        Assert.Null(limiter.TryReserve(key, TimeSpan.FromMinutes(1), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);

        limiter.EndWait(key);
        Assert.NotNull(limiter.TryReserve(key, TimeSpan.FromMinutes(1), out _));
    }

    [Fact]
    public void TryReserve_RecipientsAreIndependent()
    {
        var limiter = new RecipientRateLimiter(burst: 1, TimeSpan.FromHours(1), queueLimit: 0, capacity: 100, _clock);
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(limiter.GetKey("1234567", "+15550001"), TimeSpan.Zero, out _));
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(limiter.GetKey("1234567", "+15550002"), TimeSpan.Zero, out _));
        Assert.Equal(TimeSpan.Zero, limiter.TryReserve(limiter.GetKey("7654321", "+15550001"), TimeSpan.Zero, out _));
        Assert.Null(limiter.TryReserve(limiter.GetKey("1234567", "15550001"), TimeSpan.Zero, out _));
    }

    [Fact]
    public void GetKey_IgnoresFormattingAndIsKeyedPerProcess()
    {
        var a = new RecipientRateLimiter(1, TimeSpan.FromSeconds(6), 0, 100, _clock);
        var b = new RecipientRateLimiter(1, TimeSpan.FromSeconds(6), 0, 100, _clock);
        Assert.Equal(a.GetKey("1", "+1 (555) 000-1"), a.GetKey("1", "15550001"));
        Assert.NotEqual(a.GetKey("1", "15550001"), b.GetKey("1", "15550001"));
    }

    [Fact]
    public void Evict_ExpiredRecipients_AreForgottenLosslessly()
    {
        var limiter = new RecipientRateLimiter(burst: 1, TimeSpan.FromSeconds(6), queueLimit: 0, capacity: 1000, _clock);
        for (var i = 0; i < 1000; i++)
        {
            limiter.TryReserve(limiter.GetKey("1", "1555" + i), TimeSpan.Zero, out _);
        }

        Assert.Equal(1000, limiter.Count);
        _clock.Advance(TimeSpan.FromSeconds(7));

        limiter.TryReserve(limiter.GetKey("1", "1999"), TimeSpan.Zero, out _);

        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public void Evict_MillionsOfRecipients_StayWithinCapacity()
    {
        const int capacity = 5000;
        var limiter = new RecipientRateLimiter(burst: 3, TimeSpan.FromSeconds(6), queueLimit: 0, capacity, _clock);
        for (var i = 0; i < 200_000; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryReserve(limiter.GetKey("1", "1" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.Zero, out _));
            Assert.True(limiter.Count <= capacity);
            if (i % 1000 == 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
