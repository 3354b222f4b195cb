using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Secrets.Internal;

namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Caches the secrets of another <see cref="ISecretProvider"/>, refreshes them ahead of expiry, and tells
/// the application when a value rotates.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A value is served for <see cref="CachingSecretProviderOptions.TimeToLive"/>, or until its
/// <see cref="SecretValue.ExpiresOn"/> if that comes first. Within <see cref="CachingSecretProviderOptions.RefreshAhead"/>
/// of that point a read starts a background refresh and still returns the cached value at once.</item>
/// <item>Concurrent reads of the same name share one fetch from the inner provider (single flight). The
/// shared fetch is not cancelled by one caller's token; each caller stops waiting when its own token fires.</item>
/// <item>When a refresh fails, the last good value keeps being served (with a warning in the log) until it
/// expires by its own <see cref="SecretValue.ExpiresOn"/>; a new attempt is made every
/// <see cref="CachingSecretProviderOptions.RetryInterval"/>. A value with no expiry is served until a refresh succeeds.
/// A read of the inner provider that takes longer than <see cref="CachingSecretProviderOptions.RefreshTimeout"/> (a
/// hanging vault) counts as failed; while a refresh is stuck or failing, reads get the good value at once.</item>
/// <item><see cref="Invalidate(string)"/> (Graph error 190) drops the cached value: the next read waits for a
/// fresh one and fails if the inner provider does, rather than serving a rejected value.</item>
/// <item>When a fetched value differs from the one before (compared in constant time),
/// <see cref="SecretRotated"/> is raised with the old and new versions, never the values.</item>
/// </list>
/// Thread-safe.
/// </remarks>
public sealed class CachingSecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly ISecretProvider _inner;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeToLive;
    private readonly TimeSpan _refreshAhead;
    private readonly TimeSpan _retryInterval;
    private readonly TimeSpan _refreshTimeout;
    private readonly Action<SecretRotatedEventArgs>? _onRotated;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Creates the cache.</summary>
    /// <param name="inner">The provider whose secrets are cached.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Where refresh failures and rotations are logged; none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration in <paramref name="options"/> is out of range.</exception>
    public CachingSecretProvider(ISecretProvider inner, CachingSecretProviderOptions? options = null, TimeProvider? timeProvider = null, ILogger<CachingSecretProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new CachingSecretProviderOptions();
        options.Validate();
        _inner = inner;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeToLive = options.TimeToLive;
        _refreshAhead = options.RefreshAhead;
        _retryInterval = options.RetryInterval;
        _refreshTimeout = options.RefreshTimeout;
        _onRotated = options.OnSecretRotated;
    }

    /// <summary>Raised when a fetched value differs from the one served before. Handlers run on the fetching thread; keep them short.</summary>
    public event EventHandler<SecretRotatedEventArgs>? SecretRotated;

    /// <summary>The provider whose secrets are cached.</summary>
    public ISecretProvider InnerProvider => _inner;

    /// <inheritdoc />
    public bool CanProvide(string name) => _inner is not ISecretCatalog catalog || catalog.CanProvide(name);

    /// <inheritdoc />
    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        var slot = _slots.GetOrAdd(name, static _ => new Slot());
        Task<SecretValue> fetch;
        lock (slot)
        {
            var now = _timeProvider.GetUtcNow();
            var entry = slot.Entry;
            if (entry is not null && !entry.Rejected && !entry.Value.IsExpired(now))
            {
                if (now < entry.RefreshFrom)
                {
                    return new ValueTask<SecretValue>(entry.Value);
                }

                if (now < entry.FreshUntil || now < slot.NextAttemptAt || slot.ServingLastGood)
                {
                    // Refresh ahead, or a refresh failed (or timed out) before: serve the cached value, starting one
                    // background fetch unless one runs or a failure is recent. A stuck refresh never blocks a read
                    // while a good value is cached.
                    if ((now < entry.FreshUntil || slot.ServingLastGood) && slot.InFlight is null && now >= slot.NextAttemptAt)
                    {
                        StartFetch(slot, name);
                    }

                    return new ValueTask<SecretValue>(entry.Value);
                }
            }

            // Absent, rejected, expired or past its time to live: wait for a fetch (shared with concurrent callers).
            fetch = slot.InFlight ?? StartFetch(slot, name);
        }

        return new ValueTask<SecretValue>(fetch.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public void Invalidate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_slots.TryGetValue(name, out var slot))
        {
            lock (slot)
            {
                if (slot.Entry is { } entry)
                {
                    slot.Entry = entry with { Rejected = true };
                }

                slot.NextAttemptAt = DateTimeOffset.MinValue;
                slot.ServingLastGood = false;
            }
        }

        _inner.Invalidate(name);
        SecretsLog.Invalidated(_logger, name);
    }

    /// <inheritdoc />
    public void Invalidate(string name, SecretValue rejectedValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(rejectedValue);
        if (_slots.TryGetValue(name, out var slot))
        {
            lock (slot)
            {
                if (slot.Entry is not { } entry || !entry.Value.HasSameValueAs(rejectedValue))
                {
                    // The cache already holds a newer value than the rejected one: keep it.
                    return;
                }
            }
        }

        Invalidate(name);
    }

    private Task<SecretValue> StartFetch(Slot slot, string name)
    {
        // Task.Run: the inner provider never runs under the slot's lock, even when it completes synchronously.
        var task = Task.Run(() => FetchAsync(slot, name));
        slot.InFlight = task;
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private async Task<SecretValue> FetchAsync(Slot slot, string name)
    {
        SecretValue value;
        var stuck = false;
        try
        {
            // Bounded even when the inner provider ignores the token: WaitAsync stops waiting at the timeout.
            using var timeout = new CancellationTokenSource(_refreshTimeout, _timeProvider);
            try
            {
                value = await _inner.GetSecretAsync(name, timeout.Token).AsTask().WaitAsync(_refreshTimeout, _timeProvider).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && timeout.IsCancellationRequested))
            {
                stuck = true;
                throw new SecretProviderException(name, $"The secret provider did not answer within {_refreshTimeout.TotalSeconds:0.###} s for the secret '{name}' (CachingSecretProviderOptions.RefreshTimeout).", ex);
            }

            var fetchedAt = _timeProvider.GetUtcNow();
            if (value.IsExpired(fetchedAt))
            {
                throw new SecretProviderException(name, $"The provider returned the secret '{name}' (version '{value.Version}') already expired at {value.ExpiresOn:O}.");
            }
        }
        catch (Exception ex)
        {
            var now = _timeProvider.GetUtcNow();
            lock (slot)
            {
                slot.InFlight = null;
                if (slot.Entry is { Rejected: false } last && !last.Value.IsExpired(now))
                {
                    slot.NextAttemptAt = now + _retryInterval;
                    // A provider that hangs is not waited on again while the good value lasts; one that fails fast is
                    // retried in the foreground after RetryInterval.
                    slot.ServingLastGood |= stuck;
                    SecretsLog.RefreshFailedServingLastGood(_logger, name, ex.GetType().Name, SecretsLog.SafeReason(ex), last.Value.Version, last.Value.ExpiresOn ?? DateTimeOffset.MaxValue);
                    return last.Value;
                }
            }

            throw;
        }

        SecretRotatedEventArgs? rotated = null;
        lock (slot)
        {
            var now = _timeProvider.GetUtcNow();
            var previous = slot.Entry;
            var freshUntil = now + _timeToLive;
            if (value.ExpiresOn is { } expiresOn && expiresOn < freshUntil)
            {
                freshUntil = expiresOn;
            }

            var refreshFrom = freshUntil - _refreshAhead;
            if (refreshFrom < now)
            {
                refreshFrom = now;
            }

            slot.Entry = new CacheEntry(value, refreshFrom, freshUntil, Rejected: false);
            slot.InFlight = null;
            slot.NextAttemptAt = DateTimeOffset.MinValue;
            slot.ServingLastGood = false;
            if (previous is not null && !previous.Value.HasSameValueAs(value))
            {
                rotated = new SecretRotatedEventArgs(name, previous.Value.Version, value.Version, now);
            }
        }

        if (rotated is not null)
        {
            RaiseRotated(rotated);
        }

        return value;
    }

    private void RaiseRotated(SecretRotatedEventArgs args)
    {
        SecretsLog.SecretRotated(_logger, args.Name, args.PreviousVersion, args.CurrentVersion);
        try
        {
            SecretRotated?.Invoke(this, args);
            _onRotated?.Invoke(args);
        }
#pragma warning disable CA1031 // A subscriber's bug must not fail the read that noticed the rotation.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SecretsLog.RotationHandlerFailed(_logger, args.Name, ex.GetType().Name);
        }
    }

    private sealed record CacheEntry(SecretValue Value, DateTimeOffset RefreshFrom, DateTimeOffset FreshUntil, bool Rejected);

    private sealed class Slot
    {
        public CacheEntry? Entry { get; set; }

        public Task<SecretValue>? InFlight { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>A refresh timed out while a good value was cached: serve it (until it expires) without waiting on refreshes.</summary>
        public bool ServingLastGood { get; set; }
    }
}
