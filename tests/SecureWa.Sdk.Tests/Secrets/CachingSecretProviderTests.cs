using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Secrets;

public class CachingSecretProviderTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedSecretProvider _inner = new();
    private readonly ListLogger<CachingSecretProvider> _logger = new();

    private CachingSecretProvider Create(TimeSpan? ttl = null, TimeSpan? refreshAhead = null, Action<CachingSecretProviderOptions>? configure = null)
    {
        var options = new CachingSecretProviderOptions
        {
            TimeToLive = ttl ?? TimeSpan.FromMinutes(5),
            RefreshAhead = refreshAhead ?? TimeSpan.FromSeconds(30),
            RetryInterval = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new CachingSecretProvider(_inner, options, _time, _logger);
    }

    [Fact]
    public async Task GetSecretAsync_WithinTimeToLive_FetchesOnce()
    {
        var cache = Create();

        var first = await cache.GetSecretAsync(SecretNames.AccessToken);
        _time.Advance(TimeSpan.FromMinutes(4));
        var second = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Same(first, second);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_AfterTimeToLive_WaitsForAFreshValue()
    {
        var cache = Create();
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.Current = new SecretValue("EAAG-second-value", "v2");

        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-second-value", second.Reveal());
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_InRefreshAheadWindow_ServesCachedAndRefreshesInBackground()
    {
        var cache = Create();
        var rotated = new TaskCompletionSource<SecretRotatedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.SecretRotated += (_, e) => rotated.TrySetResult(e);
        var first = await cache.GetSecretAsync(SecretNames.AccessToken);
        var release = new TaskCompletionSource<SecretValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inner.OnGet = _ => release.Task;

        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(45));
        var duringRefresh = cache.GetSecretAsync(SecretNames.AccessToken);
        var alsoDuringRefresh = cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.True(duringRefresh.IsCompletedSuccessfully);
        Assert.True(alsoDuringRefresh.IsCompletedSuccessfully);
        Assert.Same(first, await duringRefresh);
        Assert.Same(first, await alsoDuringRefresh);
        release.SetResult(new SecretValue("EAAG-refreshed-value", "v2"));
        await rotated.Task.WaitAsync(WaitLimit);
        var after = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-refreshed-value", after.Reveal());
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_ValueExpiresBeforeTimeToLive_RefetchesBeforeExpiry()
    {
        var cache = Create(refreshAhead: TimeSpan.Zero);
        _inner.Current = new SecretValue("EAAG-short-lived", "v1", _time.GetUtcNow().AddMinutes(1));
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.Current = new SecretValue("EAAG-next", "v2", _time.GetUtcNow().AddHours(1));

        _time.Advance(TimeSpan.FromSeconds(59));
        var beforeExpiry = await cache.GetSecretAsync(SecretNames.AccessToken);
        _time.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-short-lived", beforeExpiry.Reveal());
        Assert.Equal("EAAG-next", atExpiry.Reveal());
    }

    [Fact]
    public async Task GetSecretAsync_ConcurrentCallersOnColdCache_ShareOneFetch()
    {
        var cache = Create();
        var release = new TaskCompletionSource<SecretValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inner.OnGet = _ => release.Task;

        var callers = Enumerable.Range(0, 32)
            .Select(_ => Task.Run(() => cache.GetSecretAsync(SecretNames.AccessToken).AsTask()))
            .ToArray();
        await WaitUntilAsync(() => _inner.Calls >= 1);
        release.SetResult(new SecretValue("EAAG-shared", "v1"));
        var results = await Task.WhenAll(callers).WaitAsync(WaitLimit);

        Assert.Equal(1, _inner.Calls);
        Assert.All(results, r => Assert.Equal("EAAG-shared", r.Reveal()));
    }

    [Fact]
    public async Task GetSecretAsync_OneCallerCancels_SharedFetchCompletesForOthers()
    {
        var cache = Create();
        var release = new TaskCompletionSource<SecretValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inner.OnGet = _ => release.Task;
        using var cts = new CancellationTokenSource();

        var cancelled = cache.GetSecretAsync(SecretNames.AccessToken, cts.Token).AsTask();
        var patient = cache.GetSecretAsync(SecretNames.AccessToken).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.SetResult(new SecretValue("EAAG-shared", "v1"));

        Assert.Equal("EAAG-shared", (await patient.WaitAsync(WaitLimit)).Reveal());
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task GetSecretAsync_RefreshFails_ServesLastGoodUntilItExpiresAndLogsWarningWithoutValue()
    {
        var cache = Create();
        var expiry = _time.GetUtcNow().AddMinutes(20);
        _inner.Current = new SecretValue("EAAG-last-good-value", "v1", expiry);
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.OnGet = _ => Task.FromException<SecretValue>(new SecretProviderException(SecretNames.AccessToken, "The vault answered 503."));

        _time.Advance(TimeSpan.FromMinutes(6));
        var degraded = await cache.GetSecretAsync(SecretNames.AccessToken);
        _time.Advance(TimeSpan.FromMinutes(14));
        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => cache.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Equal("EAAG-last-good-value", degraded.Reveal());
        Assert.Equal("The vault answered 503.", ex.Message);
        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("'AccessToken'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("The vault answered 503.", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.All(_logger.Entries, e => Assert.DoesNotContain("last-good", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSecretAsync_AfterFailedRefresh_RetriesOnlyAfterRetryInterval()
    {
        var cache = Create();
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.OnGet = _ => Task.FromException<SecretValue>(new IOException("disk on fire"));

        _time.Advance(TimeSpan.FromMinutes(5));
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _time.Advance(TimeSpan.FromSeconds(5));
        await cache.GetSecretAsync(SecretNames.AccessToken);
        Assert.Equal(2, _inner.Calls);

        _time.Advance(TimeSpan.FromSeconds(5));
        _inner.OnGet = null;
        _inner.Current = new SecretValue("EAAG-recovered", "v2");
        var recovered = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal(3, _inner.Calls);
        Assert.Equal("EAAG-recovered", recovered.Reveal());
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("details withheld", StringComparison.Ordinal) && !e.Message.Contains("disk on fire", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalidate_NextReadFetchesAndDoesNotFallBackToTheRejectedValue()
    {
        var cache = Create();
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.OnGet = _ => Task.FromException<SecretValue>(new SecretProviderException(SecretNames.AccessToken, "unreadable"));

        ((ISecretProvider)cache).Invalidate(SecretNames.AccessToken);

        await Assert.ThrowsAsync<SecretProviderException>(() => cache.GetSecretAsync(SecretNames.AccessToken).AsTask());
        Assert.Equal(1, _inner.Invalidations);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Invalidate_ConcurrentCallersAfterInvalidation_ShareOneFetch()
    {
        var cache = Create();
        await cache.GetSecretAsync(SecretNames.AccessToken);
        var release = new TaskCompletionSource<SecretValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inner.OnGet = _ => release.Task;

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            cache.Invalidate(SecretNames.AccessToken);
            return await cache.GetSecretAsync(SecretNames.AccessToken);
        })).ToArray();
        await WaitUntilAsync(() => _inner.Invalidations == 16);
        release.SetResult(new SecretValue("EAAG-after-190", "v2"));
        var results = await Task.WhenAll(callers).WaitAsync(WaitLimit);

        Assert.All(results, r => Assert.Equal("EAAG-after-190", r.Reveal()));
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task InvalidateWithRejectedValue_CacheAlreadyHoldsNewerValue_KeepsIt()
    {
        var cache = Create();
        var old = await cache.GetSecretAsync(SecretNames.AccessToken);
        cache.Invalidate(SecretNames.AccessToken);
        _inner.Current = new SecretValue("EAAG-newer", "v2");
        var newer = await cache.GetSecretAsync(SecretNames.AccessToken);

        // A request sent with the old token fails late: its invalidation must not discard the newer value.
        ((ISecretProvider)cache).Invalidate(SecretNames.AccessToken, old);
        var stillNewer = await cache.GetSecretAsync(SecretNames.AccessToken);
        ((ISecretProvider)cache).Invalidate(SecretNames.AccessToken, newer);
        _inner.Current = new SecretValue("EAAG-newest", "v3");
        var newest = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Same(newer, stillNewer);
        Assert.Equal("EAAG-newest", newest.Reveal());
        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task SecretRotated_ValueChanges_RaisedOnceWithVersionsAndCallbackToo()
    {
        var fromCallback = new List<SecretRotatedEventArgs>();
        var cache = Create(configure: o => o.OnSecretRotated = fromCallback.Add);
        var fromEvent = new List<SecretRotatedEventArgs>();
        cache.SecretRotated += (_, e) => fromEvent.Add(e);
        await cache.GetSecretAsync(SecretNames.AccessToken);

        cache.Invalidate(SecretNames.AccessToken);
        await cache.GetSecretAsync(SecretNames.AccessToken); // same value: no event
        _inner.Current = new SecretValue("EAAG-rotated", "v2");
        cache.Invalidate(SecretNames.AccessToken);
        await cache.GetSecretAsync(SecretNames.AccessToken);

        var args = Assert.Single(fromEvent);
        Assert.Equal(SecretNames.AccessToken, args.Name);
        Assert.Equal("v1", args.PreviousVersion);
        Assert.Equal("v2", args.CurrentVersion);
        Assert.Equal(_time.GetUtcNow(), args.RotatedAt);
        Assert.Same(args, Assert.Single(fromCallback));
        Assert.Contains(_logger.Entries, e => e.Message.Contains("rotated from version 'v1' to 'v2'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretRotated_HandlerThrows_ReadStillSucceeds()
    {
        var cache = Create();
        cache.SecretRotated += (_, _) => throw new InvalidOperationException("subscriber bug");
        await cache.GetSecretAsync(SecretNames.AccessToken);
        _inner.Current = new SecretValue("EAAG-rotated", "v2");
        cache.Invalidate(SecretNames.AccessToken);

        var value = await cache.GetSecretAsync(SecretNames.AccessToken);

        Assert.Equal("EAAG-rotated", value.Reveal());
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSecretAsync_InnerReturnsExpiredValue_Throws()
    {
        var cache = Create();
        _inner.Current = new SecretValue("EAAG-stale", "v9", _time.GetUtcNow().AddSeconds(-1));

        var ex = await Assert.ThrowsAsync<SecretProviderException>(() => cache.GetSecretAsync(SecretNames.AccessToken).AsTask());

        Assert.Contains("already expired", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG-stale", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_NotFoundOnColdCache_Propagates()
    {
        var cache = new CachingSecretProvider(new InMemorySecretProvider(), timeProvider: _time);

        var ex = await Assert.ThrowsAsync<SecretNotFoundException>(() => cache.GetSecretAsync(SecretNames.AppSecret).AsTask());

        Assert.Equal(SecretNames.AppSecret, ex.SecretName);
    }

    [Fact]
    public void CanProvide_DelegatesToInnerCatalog()
    {
        var inner = new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-x")]);
        var cache = new CachingSecretProvider(inner);

        Assert.True(cache.CanProvide(SecretNames.AccessToken));
        Assert.False(cache.CanProvide(SecretNames.AppSecret));
        Assert.True(new CachingSecretProvider(_inner).CanProvide(SecretNames.AppSecret));
    }

    [Theory]
    [InlineData(0, 0, 10)]
    [InlineData(60, 60, 10)]
    [InlineData(60, -1, 10)]
    [InlineData(60, 10, 0)]
    public void Constructor_InvalidDurations_Throw(int ttlSeconds, int refreshAheadSeconds, int retrySeconds)
    {
        var options = new CachingSecretProviderOptions
        {
            TimeToLive = TimeSpan.FromSeconds(ttlSeconds),
            RefreshAhead = TimeSpan.FromSeconds(refreshAheadSeconds),
            RetryInterval = TimeSpan.FromSeconds(retrySeconds),
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingSecretProvider(_inner, options));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
