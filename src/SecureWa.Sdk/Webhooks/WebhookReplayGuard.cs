using System.Security.Cryptography;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// Recognizes redelivered webhooks. Meta retries a delivery that was not acknowledged with 200, so the same message or
/// status can arrive more than once; this bounded, time-windowed memory of ids tells the first delivery from a replay.
/// </summary>
/// <remarks>
/// <para>
/// Keys are message ids for messages and <c>id + status</c> for statuses (one message legitimately produces
/// <c>sent</c>, <c>delivered</c> and <c>read</c> with the same id). Each key is remembered for
/// <see cref="WebhookReplayGuardOptions.Window"/> after it was first seen, and at most
/// <see cref="WebhookReplayGuardOptions.MaxEntries"/> keys are held: the oldest are evicted first. A notification
/// with only errors (no ids) is keyed on the SHA-256 of its raw body. The ids of one notification are checked and
/// registered under one lock, so concurrent copies of a delivery cannot both pass. A delivery older than the window is
/// no longer recognizable by its ids; <see cref="IsStale"/> tells it from its payload timestamps. Memory is one
/// dictionary entry and one list node per key; every operation is O(1) amortized.
/// </para>
/// <para>The memory is local to the process; several instances of an application behind a load balancer each keep their own. Instances are thread-safe.</para>
/// </remarks>
public sealed class WebhookReplayGuard : IWebhookReplayGuard
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _window;
    private readonly int _maxEntries;

    /// <summary>Creates a guard with the default bounds (24 hours, 100,000 ids) and the system clock.</summary>
    public WebhookReplayGuard()
        : this(new WebhookReplayGuardOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a guard.</summary>
    /// <param name="options">The bounds.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window is not positive or <see cref="WebhookReplayGuardOptions.MaxEntries"/> is less than 1.</exception>
    public WebhookReplayGuard(WebhookReplayGuardOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The replay window must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntries, 1, nameof(options));
        _window = options.Window;
        _maxEntries = options.MaxEntries;
        _timeProvider = timeProvider;
    }

    /// <summary>The number of keys currently remembered (expired ones may still count until the next call).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>Records a key and tells whether it is new.</summary>
    /// <param name="key">The key (a message id, or a status key from <see cref="GetKey(WebhookStatus)"/>).</param>
    /// <returns><see langword="true"/> the first time a key is seen within the window; <see langword="false"/> for a replay.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null or empty.</exception>
    public bool TryRegister(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            EvictExpired(now);
            if (_index.ContainsKey(key))
            {
                return false;
            }

            while (_index.Count >= _maxEntries)
            {
                RemoveOldest();
            }

            _index[key] = _order.AddLast(new Entry(key, now + _window));
            return true;
        }
    }

    /// <summary>Forgets a key, so its next delivery counts as new (for example when handling it failed and Meta will retry).</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key was remembered.</returns>
    public bool Forget(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            if (!_index.Remove(key, out var node))
            {
                return false;
            }

            _order.Remove(node);
            return true;
        }
    }

    /// <summary>
    /// Records every message and status of a notification and tells whether the whole notification is a replay: it has at
    /// least one message or status and all of them were seen before. The ids of one notification are checked and
    /// registered atomically, so of two concurrent copies of a delivery exactly one is new. A notification with only
    /// errors has no ids: use <see cref="IsReplay(WebhookNotification, ReadOnlySpan{byte})"/> to recognize those too.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <returns><see langword="true"/> when it is a redelivery that may be dropped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    public bool IsReplay(WebhookNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return IsReplayCore(GetKeys(notification, bodyKey: null));
    }

    /// <summary>
    /// Like <see cref="IsReplay(WebhookNotification)"/>, and a notification without message or status ids (errors
    /// only) is keyed on a SHA-256 hash of its raw body, which Meta resends unchanged.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <param name="body">The raw body the notification was parsed from.</param>
    /// <returns><see langword="true"/> when it is a redelivery that may be dropped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    public bool IsReplay(WebhookNotification notification, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return IsReplayCore(GetKeys(notification, BodyKey(body)));
    }

    /// <summary>
    /// Tells whether a notification is older than the window, so this guard can no longer recognize it as a
    /// redelivery: it has at least one message or status with a timestamp, and every timestamp is more than
    /// <see cref="WebhookReplayGuardOptions.Window"/> in the past. Nothing is recorded.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <returns><see langword="true"/> when every timestamped item is older than the window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    public bool IsStale(WebhookNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var cutoff = _timeProvider.GetUtcNow() - _window;
        var any = false;
        foreach (var message in notification.AllMessages)
        {
            if (message.Timestamp == default)
            {
                continue;
            }

            if (message.Timestamp >= cutoff)
            {
                return false;
            }

            any = true;
        }

        foreach (var status in notification.AllStatuses)
        {
            if (status.Timestamp == default)
            {
                continue;
            }

            if (status.Timestamp >= cutoff)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>Forgets every message and status of a notification (for example when its handler failed, so Meta's retry is handled).</summary>
    /// <param name="notification">The notification.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    public void Forget(WebhookNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ForgetCore(GetKeys(notification, bodyKey: null));
    }

    /// <summary>Forgets what <see cref="IsReplay(WebhookNotification, ReadOnlySpan{byte})"/> recorded for a notification.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="body">The raw body the notification was parsed from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    public void Forget(WebhookNotification notification, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ForgetCore(GetKeys(notification, BodyKey(body)));
    }

    /// <summary>The replay key of a message: its id.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The key, or <see langword="null"/> when the message has no id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public static string? GetKey(WebhookMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrEmpty(message.Id) ? null : "m:" + message.Id;
    }

    /// <summary>The replay key of a status: its message id and status, since one message has several statuses.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The key, or <see langword="null"/> when the status has no id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="status"/> is <see langword="null"/>.</exception>
    public static string? GetKey(WebhookStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return string.IsNullOrEmpty(status.Id) ? null : "s:" + status.Id + "|" + status.Status;
    }

    /// <inheritdoc />
    ValueTask<bool> IWebhookReplayGuard.IsReplayAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        new(IsReplay(notification, body.Span));

    /// <inheritdoc />
    ValueTask IWebhookReplayGuard.ForgetAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        Forget(notification, body.Span);
        return default;
    }

    private bool IsReplayCore(List<string> keys)
    {
        if (keys.Count == 0)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            EvictExpired(now);
            var allSeen = true;
            foreach (var key in keys)
            {
                if (!_index.ContainsKey(key))
                {
                    allSeen = false;
                    break;
                }
            }

            if (allSeen)
            {
                return true;
            }

            foreach (var key in keys)
            {
                if (_index.ContainsKey(key))
                {
                    continue;
                }

                while (_index.Count >= _maxEntries)
                {
                    RemoveOldest();
                }

                _index[key] = _order.AddLast(new Entry(key, now + _window));
            }

            return false;
        }
    }

    private void ForgetCore(List<string> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_index.Remove(key, out var node))
                {
                    _order.Remove(node);
                }
            }
        }
    }

    private static string BodyKey(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "b:" + Convert.ToHexString(hash);
    }

    private static List<string> GetKeys(WebhookNotification notification, string? bodyKey)
    {
        var keys = new List<string>();
        foreach (var message in notification.AllMessages)
        {
            if (GetKey(message) is { } key)
            {
                keys.Add(key);
            }
        }

        foreach (var status in notification.AllStatuses)
        {
            if (GetKey(status) is { } key)
            {
                keys.Add(key);
            }
        }

        if (keys.Count == 0 && bodyKey is not null)
        {
            keys.Add(bodyKey);
        }

        return keys;
    }

    private void EvictExpired(DateTimeOffset now)
    {
        while (_order.First is { } first && first.Value.ExpiresAt <= now)
        {
            RemoveOldest();
        }
    }

    private void RemoveOldest()
    {
        var first = _order.First!;
        _order.RemoveFirst();
        _index.Remove(first.Value.Key);
    }

    private readonly record struct Entry(string Key, DateTimeOffset ExpiresAt);
}
