using SecureWa.Sdk.Consent;

namespace SecureWa.Sdk.Tests.Consent;

public sealed class InMemoryCustomerServiceWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordInbound_KeepsTheLatestTime()
    {
        var window = new InMemoryCustomerServiceWindow(100);

        window.RecordInbound("s", T0.AddHours(2));
        window.RecordInbound("s", T0);

        Assert.Equal(T0.AddHours(2), window.GetLastInbound("s"));
    }

    [Fact]
    public void RecordInbound_PastTheBound_DropsTheOldestAndStaysBounded()
    {
        var window = new InMemoryCustomerServiceWindow(100);

        for (var i = 0; i < 1000; i++)
        {
            window.RecordInbound("s" + i, T0.AddSeconds(i));
        }

        Assert.InRange(window.Count, 1, 100);
        Assert.Null(window.GetLastInbound("s0"));
        Assert.Equal(T0.AddSeconds(999), window.GetLastInbound("s999"));
    }

    [Fact]
    public void Forget_RemovesTheSubject()
    {
        var window = new InMemoryCustomerServiceWindow(100);
        window.RecordInbound("s", T0);

        window.Forget("s");

        Assert.Null(window.GetLastInbound("s"));
    }
}
