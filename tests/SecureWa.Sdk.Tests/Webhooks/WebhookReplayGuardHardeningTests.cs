using System.Globalization;
using System.Text;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookReplayGuardHardeningTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly WebhookParser _parser = new();

    private WebhookReplayGuard Create(TimeSpan? window = null) =>
        new(new WebhookReplayGuardOptions { Window = window ?? TimeSpan.FromHours(24), MaxEntries = 1_000_000 }, _clock);

    private static string Batch(string prefix, int count, DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var messages = string.Join(",", Enumerable.Range(0, count).Select(i => $$$"""{"from":"16505551234","id":"wamid.{{{prefix}}}.{{{i}}}","timestamp":"{{{seconds}}}","type":"text","text":{"body":"hi"}}"""));
        return WebhookPayloads.Wrapper.Replace("MESSAGE", messages, StringComparison.Ordinal);
    }

    private WebhookNotification Parse(string json) => _parser.ParseUnverified(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void IsReplay_TwoConcurrentCopiesOfAMultiIdBatch_ExactlyOnePasses()
    {
        var guard = Create();
        var bothPassed = 0;
        var nonePassed = 0;
        for (var round = 0; round < 300; round++)
        {
            var notification = Parse(Batch("r" + round, 100, Now));
            using var barrier = new Barrier(2);
            var passed = new bool[2];
            var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
            {
                barrier.SignalAndWait();
                passed[t] = !guard.IsReplay(notification);
            })).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            bothPassed += passed[0] && passed[1] ? 1 : 0;
            nonePassed += !passed[0] && !passed[1] ? 1 : 0;
        }

        Assert.Equal(0, bothPassed);
        Assert.Equal(0, nonePassed);
    }

    [Fact]
    public void IsReplay_ErrorsOnlyNotificationDeliveredTwice_SecondIsReplay()
    {
        var guard = Create();
        var body = Encoding.UTF8.GetBytes(WebhookPayloads.SystemError);
        var notification = _parser.ParseUnverified(body);

        Assert.False(guard.IsReplay(notification, body));
        Assert.True(guard.IsReplay(_parser.ParseUnverified(body), body));
    }

    [Fact]
    public void IsReplay_TwoDifferentErrorsOnlyNotifications_BothNew()
    {
        var guard = Create();
        var first = Encoding.UTF8.GetBytes(WebhookPayloads.SystemError);
        var second = Encoding.UTF8.GetBytes(WebhookPayloads.SystemError.Replace("130429", "131000", StringComparison.Ordinal));

        Assert.False(guard.IsReplay(_parser.ParseUnverified(first), first));
        Assert.False(guard.IsReplay(_parser.ParseUnverified(second), second));
    }

    [Fact]
    public void Forget_ErrorsOnlyNotification_NextDeliveryIsNew()
    {
        var guard = Create();
        var body = Encoding.UTF8.GetBytes(WebhookPayloads.SystemError);
        var notification = _parser.ParseUnverified(body);
        Assert.False(guard.IsReplay(notification, body));

        guard.Forget(notification, body);

        Assert.False(guard.IsReplay(notification, body));
    }

    [Fact]
    public void IsStale_EveryTimestampOlderThanTheWindow_True()
    {
        var guard = Create(TimeSpan.FromHours(24));

        Assert.True(guard.IsStale(Parse(Batch("old", 3, Now - TimeSpan.FromHours(25)))));
        Assert.False(guard.IsStale(Parse(Batch("recent", 3, Now - TimeSpan.FromHours(23)))));
    }

    [Fact]
    public void IsStale_OneRecentItemOrNoTimestamps_False()
    {
        var guard = Create(TimeSpan.FromHours(24));
        var old = Batch("old", 2, Now - TimeSpan.FromDays(3));
        var mixed = old.Replace("]},\"field\"", "," + Batch("new", 1, Now).Split("\"messages\":[")[1].Split("]},\"field\"")[0] + "]},\"field\"", StringComparison.Ordinal);

        Assert.Equal(3, Parse(mixed).AllMessages.Count());
        Assert.False(guard.IsStale(Parse(mixed)));
        Assert.False(guard.IsStale(Parse(WebhookPayloads.SystemError)));
    }

    [Fact]
    public void IsStale_RedeliveryAfterTheWindow_DetectedThoughTheIdsWereForgotten()
    {
        var guard = Create(TimeSpan.FromHours(24));
        var json = Batch("late", 2, Now);
        Assert.False(guard.IsReplay(Parse(json)));

        _clock.Advance(TimeSpan.FromHours(25));

        Assert.True(guard.IsStale(Parse(json)));
    }
}
