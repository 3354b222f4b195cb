using System.Text;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookReplayGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private WebhookReplayGuard Create(int maxEntries = 100, int windowMinutes = 10) =>
        new(new WebhookReplayGuardOptions { MaxEntries = maxEntries, Window = TimeSpan.FromMinutes(windowMinutes) }, _clock);

    [Fact]
    public void TryRegister_SameKeyTwice_SecondIsReplay()
    {
        var guard = Create();
        Assert.True(guard.TryRegister("wamid.1"));
        Assert.False(guard.TryRegister("wamid.1"));
        Assert.True(guard.TryRegister("wamid.2"));
    }

    [Fact]
    public void TryRegister_AfterWindow_IsNewAgain()
    {
        var guard = Create(windowMinutes: 10);
        Assert.True(guard.TryRegister("wamid.1"));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(guard.TryRegister("wamid.1"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(guard.TryRegister("wamid.1"));
    }

    [Fact]
    public void TryRegister_BeyondMaxEntries_EvictsOldestAndStaysBounded()
    {
        var guard = Create(maxEntries: 3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.True(guard.TryRegister(id));
        }

        Assert.Equal(3, guard.Count);
        Assert.True(guard.TryRegister("a"));   // evicted as the oldest, so new again
        Assert.False(guard.TryRegister("d"));  // still remembered
        Assert.Equal(3, guard.Count);
    }

    [Fact]
    public void Forget_RemovesKey()
    {
        var guard = Create();
        guard.TryRegister("x");
        Assert.True(guard.Forget("x"));
        Assert.False(guard.Forget("x"));
        Assert.True(guard.TryRegister("x"));
    }

    [Fact]
    public void IsReplay_SameNotificationTwice_SecondIsReplay()
    {
        var guard = Create();
        var notification = new WebhookParser().ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.Message(WebhookPayloads.Text)));
        Assert.False(guard.IsReplay(notification));
        Assert.True(guard.IsReplay(notification));
        guard.Forget(notification);
        Assert.False(guard.IsReplay(notification));
    }

    [Fact]
    public void IsReplay_StatusesOfOneMessage_KeyedOnIdAndStatus()
    {
        var guard = Create();
        var parser = new WebhookParser();
        var sent = parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent));
        var delivered = parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent.Replace("\"sent\"", "\"delivered\"", StringComparison.Ordinal)));

        Assert.False(guard.IsReplay(sent));
        Assert.False(guard.IsReplay(delivered));
        Assert.True(guard.IsReplay(delivered));
    }

    [Fact]
    public void IsReplay_ErrorsOnly_NeverReplay()
    {
        var guard = Create();
        var notification = new WebhookParser().ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.SystemError));
        Assert.False(guard.IsReplay(notification));
        Assert.False(guard.IsReplay(notification));
    }

    [Fact]
    public async Task TryRegister_Concurrent_EachKeyNewExactlyOnce()
    {
        var guard = Create(maxEntries: 100_000);
        var firsts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var count = 0;
            for (var i = 0; i < 5_000; i++)
            {
                count += guard.TryRegister("k" + i) ? 1 : 0;
            }

            return count;
        })));
        Assert.Equal(5_000, firsts.Sum());
    }

    [Fact]
    public void Constructor_BadOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookReplayGuard(new WebhookReplayGuardOptions { Window = TimeSpan.Zero }, _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookReplayGuard(new WebhookReplayGuardOptions { MaxEntries = 0 }, _clock));
    }
}
