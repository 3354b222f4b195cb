using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Secrets;

public sealed class CachingSecretProviderTimeoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ScriptedSecretProvider _inner = new();

    private CachingSecretProvider Create() => new(_inner, new CachingSecretProviderOptions
    {
        TimeToLive = TimeSpan.FromMinutes(5),
        RefreshAhead = TimeSpan.Zero,
        RetryInterval = TimeSpan.FromSeconds(10),
        RefreshTimeout = TimeSpan.FromSeconds(5),
    }, _time);

    /// <summary>Moves the fake clock in small steps until <paramref name="task"/> completes; returns how far it moved.</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Task task, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!task.IsCompleted && moved < limit)
        {
            await Task.Delay(10);
            _time.Advance(TimeSpan.FromMilliseconds(250));
            moved += TimeSpan.FromMilliseconds(250);
        }

        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.True(task.IsCompleted, $"still waiting after {moved} of fake time");
        return moved;
    }

    [Fact]
    public async Task GetSecretAsync_InnerHangsPastTheTimeToLive_ServesTheGoodValueUntilItExpires()
    {
        _inner.Current = new SecretValue("EAAG-good-value", "v1", Start + TimeSpan.FromHours(1));
        var hang = new TaskCompletionSource<SecretValue>();
        _inner.OnGet = call => call == 1 ? Task.FromResult(_inner.Current) : hang.Task; // ignores cancellation
        var cache = Create();
        Assert.Equal("v1", (await cache.GetSecretAsync(SecretNames.AccessToken)).Version);

        _time.Advance(TimeSpan.FromMinutes(5));
        var pastTtl = cache.GetSecretAsync(SecretNames.AccessToken).AsTask();
        var waited = await AdvanceUntilAsync(pastTtl, TimeSpan.FromSeconds(30));

        Assert.Equal("v1", (await pastTtl).Version);
        Assert.InRange(waited, TimeSpan.Zero, TimeSpan.FromSeconds(6));

        // While the refresh stays stuck, later reads get the good value at once, until it expires.
        for (var minute = 0; minute < 50; minute += 5)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            var read = cache.GetSecretAsync(SecretNames.AccessToken);
            Assert.True(read.IsCompletedSuccessfully, $"read blocked {minute + 5} minutes after the time to live");
            Assert.Equal("v1", (await read).Version);
        }

        _time.SetUtcNow(Start + TimeSpan.FromHours(1));
        var expired = cache.GetSecretAsync(SecretNames.AccessToken).AsTask();
        await AdvanceUntilAsync(expired, TimeSpan.FromSeconds(30));
        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => expired);
        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
    }

    [Fact]
    public async Task GetSecretAsync_InnerHangsOnTheFirstRead_FailsAfterTheRefreshTimeoutNamingTheSecret()
    {
        _inner.OnGet = static _ => new TaskCompletionSource<SecretValue>().Task;
        var cache = Create();

        var read = cache.GetSecretAsync(SecretNames.AccessToken).AsTask();
        var waited = await AdvanceUntilAsync(read, TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => read);
        Assert.Equal(SecretNames.AccessToken, ex.SecretName);
        Assert.Contains("did not answer within", ex.Message, StringComparison.Ordinal);
        Assert.InRange(waited, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(301)]
    public void Constructor_RefreshTimeoutOutOfRange_Throws(int seconds)
    {
        var options = new CachingSecretProviderOptions { RefreshTimeout = TimeSpan.FromSeconds(seconds) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingSecretProvider(_inner, options, _time));
    }
}
