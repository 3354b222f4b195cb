using System.Net;
using System.Net.Http.Headers;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public sealed class RetryAfterClockTests
{
    [Fact]
    public void GetRetryAfter_HttpDate_IsMeasuredAgainstTheInjectedClock()
    {
        // The fake clock is in 2026-01-01; the system clock is not. An HTTP-date 30 s after the fake "now" must read as 30 s.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(30), GraphApiInvoker.GetRetryAfter(response, clock));
    }

    [Fact]
    public void GetRetryAfter_DateInThePast_IsZero()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.Zero, GraphApiInvoker.GetRetryAfter(response, clock));
    }
}
