using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Redis.Internal;
using SecureWa.Sdk.Webhooks;
using StackExchange.Redis;

namespace SecureWa.Sdk.Redis;

/// <summary>
/// A webhook replay guard shared by every instance, on Redis: all ids of one delivery are checked and recorded in one
/// atomic script (set-if-absent with expiry), so a redelivery that lands on another instance is dropped, and of two
/// concurrent copies of one delivery exactly one is handled.
/// </summary>
/// <remarks>
/// <para>
/// Keys are <c>{prefix}{replay}:</c> + the XxHash128 of the replay key (<c>m:</c> message id, <c>s:</c> id and status):
/// message ids embed the sender's number, so Redis holds only hashes. A notification without ids (errors only) is keyed
/// by the XxHash128 of its verified body. The <c>{replay}</c> hash tag keeps one delivery's keys in one cluster slot.
/// </para>
/// <para>While Redis is unreachable the <see cref="RedisReplayGuardOptions.UnavailablePolicy"/> applies (an in-process
/// guard, or an exception), with an alert; Redis is used again as soon as it answers.</para>
/// </remarks>
public sealed class RedisWebhookReplayGuard : IWebhookReplayGuard
{
    private readonly IConnectionMultiplexer _connection;
    private readonly RedisReplayGuardOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly RedisAvailability _availability;
    private readonly WebhookReplayGuard _local;
    private readonly string _prefix;

    /// <summary>Creates a guard.</summary>
    /// <param name="connection">The Redis connection (not disposed by the guard).</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock, or <see langword="null"/> for the system clock.</param>
    /// <param name="alertSinks">Receivers of availability alerts, or <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The window, the timeout or the retry interval is not positive.</exception>
    public RedisWebhookReplayGuard(IConnectionMultiplexer connection, RedisReplayGuardOptions options, TimeProvider? timeProvider = null, IEnumerable<IRedisAvailabilityAlertSink>? alertSinks = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OperationTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RetryInterval, TimeSpan.Zero, nameof(options));
        _connection = connection;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _prefix = options.KeyPrefix + "{replay}:";
        _availability = new RedisAvailability("replay_guard", options.UnavailablePolicy, options.RetryInterval, _timeProvider, alertSinks ?? [], logger ?? NullLogger.Instance);
        _local = new WebhookReplayGuard(new WebhookReplayGuardOptions { Window = options.Window, MaxEntries = Math.Max(1, options.FallbackCacheSize) }, _timeProvider);
    }

    /// <inheritdoc />
    /// <exception cref="RedisException">Redis is unreachable and the policy is <see cref="RedisUnavailablePolicy.Refuse"/>.</exception>
    /// <exception cref="TimeoutException">Redis did not answer in time and the policy is <see cref="RedisUnavailablePolicy.Refuse"/>.</exception>
    public async ValueTask<bool> IsReplayAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var keys = GetRedisKeys(notification, body.Span);
        if (_availability.ShouldTry())
        {
            try
            {
                var result = await _connection.GetDatabase()
                    .ScriptEvaluateAsync(RedisScripts.Replay, keys, [(long)_options.Window.TotalMilliseconds])
                    .WaitAsync(_options.OperationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
                _availability.OnSuccess();
                return (long)result == 0;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _availability.OnFailure(ex);
                if (_options.UnavailablePolicy == RedisUnavailablePolicy.Refuse)
                {
                    throw;
                }
            }
        }
        else if (_options.UnavailablePolicy == RedisUnavailablePolicy.Refuse)
        {
            _availability.CountFallback();
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is unreachable; the replay guard refuses webhooks until it answers (RedisUnavailablePolicy.Refuse).");
        }

        _availability.CountFallback();
        return _local.IsReplay(notification);
    }

    /// <inheritdoc />
    public async ValueTask ForgetAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _local.Forget(notification);
        var keys = GetRedisKeys(notification, body.Span);
        try
        {
            await _connection.GetDatabase().KeyDeleteAsync(keys)
                .WaitAsync(_options.OperationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The ids stay remembered until they expire: Meta's retry is then dropped as a replay. Nothing else to do.
            _availability.OnFailure(ex);
        }
    }

    /// <summary>The Redis keys of a delivery: hashed replay keys, or the body's hash when it has no ids.</summary>
    internal RedisKey[] GetRedisKeys(WebhookNotification notification, ReadOnlySpan<byte> body)
    {
        var keys = new List<RedisKey>();
        foreach (var message in notification.AllMessages)
        {
            if (WebhookReplayGuard.GetKey(message) is { } key)
            {
                keys.Add(HashKey(Encoding.UTF8.GetBytes(key)));
            }
        }

        foreach (var status in notification.AllStatuses)
        {
            if (WebhookReplayGuard.GetKey(status) is { } key)
            {
                keys.Add(HashKey(Encoding.UTF8.GetBytes(key)));
            }
        }

        if (keys.Count == 0)
        {
            keys.Add(HashKey(body, "b:"));
        }

        return [.. keys];
    }

    private RedisKey HashKey(ReadOnlySpan<byte> data, string kind = "")
    {
        var hash = XxHash128.HashToUInt128(data);
        return _prefix + kind + hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
    }
}
