using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using StackExchange.Redis;

namespace SecureWa.Sdk.Redis.Internal;

/// <summary>
/// Per business phone number and per recipient limits shared by every instance: one atomic GCRA script per
/// reservation on Redis's clock (see <see cref="RedisScripts.Gcra"/>). Keys: <c>{prefix}rl:p:{phone number id}</c>
/// (Meta's id of the business number, not a phone number) and <c>{prefix}rl:r:{16 hex digits}</c>, a SipHash-2-4 of
/// phone number id and recipient digits under a key every instance derives from a shared secret, so Redis never holds
/// a phone number and its keys cannot be inverted without the secret. While Redis is unreachable it answers by the policy.
/// </summary>
internal sealed class RedisRateLimiter : SharedRateLimiter
{
    private static readonly byte[] HashKeyLabel = Encoding.ASCII.GetBytes("SecureWa.Sdk.Redis/recipient-key/v1");

    private readonly Func<IConnectionMultiplexer> _connection;
    private readonly RedisRateLimitingOptions _options;
    private readonly ISecretProvider _secrets;
    private readonly TimeProvider _timeProvider;
    private readonly ConditionalWeakTable<WhatsAppRateLimitOptions, WhatsAppRateLimitOptions> _fallbackOptions = new();
    private HashKey? _hashKey;

    public RedisRateLimiter(Func<IConnectionMultiplexer> connection, RedisRateLimitingOptions options, ISecretProvider secrets, TimeProvider timeProvider, RedisAvailability availability)
    {
        _connection = connection;
        _options = options;
        _secrets = secrets;
        _timeProvider = timeProvider;
        Availability = availability;
    }

    public RedisAvailability Availability { get; }

    public override async ValueTask<SharedRateLimitDecision> ReserveRecipientAsync(string phoneNumberId, string recipient, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
    {
        if (!Availability.ShouldTry())
        {
            return Fallback(options);
        }

        string key;
        try
        {
            key = await GetRecipientKeyAsync(phoneNumberId, recipient, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SecretNotFoundException or SecretProviderException)
        {
            // Without the shared hash key the instances cannot agree on the key: decide locally, and say so.
            Availability.OnFailure(ex);
            return Fallback(options);
        }

        var interval = options.RecipientInterval.Ticks / 10;
        return await ReserveAsync(key, interval, (Math.Max(options.RecipientBurst, 1) - 1) * interval, options.RecipientQueueLimit, options, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask<SharedRateLimitDecision> ReservePhoneNumberAsync(string phoneNumberId, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
    {
        if (!Availability.ShouldTry())
        {
            return new(Fallback(options));
        }

        var interval = Math.Max(1, 1_000_000L / options.PhoneNumberPermitsPerSecond);
        return ReserveAsync(_options.KeyPrefix + "rl:p:" + phoneNumberId, interval, (options.PhoneNumberBurst - 1) * interval, options.PhoneNumberQueueLimit, options, cancellationToken);
    }

    /// <summary>The limits applied locally while Redis is unreachable: the configured share of each, at least one permit.</summary>
    internal static WhatsAppRateLimitOptions Scale(WhatsAppRateLimitOptions options, double share)
    {
        var interval = TimeSpan.FromTicks((long)Math.Ceiling(options.RecipientInterval.Ticks / share));
        return new WhatsAppRateLimitOptions
        {
            Enabled = options.Enabled,
            PhoneNumberPermitsPerSecond = Math.Max(1, (int)Math.Floor(options.PhoneNumberPermitsPerSecond * share)),
            PhoneNumberBurst = Math.Max(1, (int)Math.Floor(options.PhoneNumberBurst * share)),
            PhoneNumberQueueLimit = options.PhoneNumberQueueLimit,
            RecipientBurst = options.RecipientBurst == 0 ? 0 : Math.Max(1, (int)Math.Floor(options.RecipientBurst * share)),
            RecipientInterval = interval > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : interval,
            RecipientQueueLimit = options.RecipientQueueLimit,
            MaxTrackedRecipients = options.MaxTrackedRecipients,
            MaxWait = options.MaxWait,
        };
    }

    private async ValueTask<SharedRateLimitDecision> ReserveAsync(string key, long intervalMicroseconds, long toleranceMicroseconds, int queueLimit, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
    {
        RedisResult result;
        try
        {
            var database = _connection().GetDatabase();
            var call = database.ScriptEvaluateAsync(
                RedisScripts.Gcra,
                [key],
                [intervalMicroseconds, toleranceMicroseconds, options.MaxWait.Ticks / 10, queueLimit]);
            result = await call.WaitAsync(_options.OperationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Availability.OnFailure(ex);
            return Fallback(options);
        }

        Availability.OnSuccess();
        var values = (RedisResult[])result!;
        var wait = TimeSpan.FromTicks((long)values[1] * 10);
        if ((long)values[0] == 1)
        {
            return SharedRateLimitDecision.Go(wait);
        }

        return SharedRateLimitDecision.Refuse(wait, wait > options.MaxWait ? "max_wait" : "queue_full");
    }

    private SharedRateLimitDecision Fallback(WhatsAppRateLimitOptions options)
    {
        Availability.CountFallback();
        if (_options.UnavailablePolicy == RedisUnavailablePolicy.Refuse)
        {
            return SharedRateLimitDecision.Refuse(_options.RetryInterval, "store_unavailable");
        }

        var share = _options.EffectiveShare;
        return SharedRateLimitDecision.UseLocal(_fallbackOptions.GetValue(options, o => Scale(o, share)));
    }

    private async ValueTask<string> GetRecipientKeyAsync(string phoneNumberId, string recipient, CancellationToken cancellationToken)
    {
        var secret = await _secrets.GetSecretAsync(_options.RecipientHashSecretName, cancellationToken).ConfigureAwait(false);
        var hashKey = Volatile.Read(ref _hashKey);
        if (hashKey is null || !(ReferenceEquals(hashKey.Source, secret) || hashKey.Source.HasSameValueAs(secret)))
        {
            hashKey = HashKey.Derive(secret);
            Volatile.Write(ref _hashKey, hashKey);
        }

        Span<byte> buffer = stackalloc byte[128];
        var length = Encoding.ASCII.GetBytes(phoneNumberId.AsSpan(0, Math.Min(phoneNumberId.Length, 64)), buffer);
        buffer[length++] = (byte)'|';
        foreach (var c in recipient)
        {
            if (char.IsAsciiDigit(c) && length < buffer.Length)
            {
                buffer[length++] = (byte)c;
            }
        }

        var hash = SipHash.Hash(hashKey.K0, hashKey.K1, buffer[..length]);
        return string.Create(_options.KeyPrefix.Length + 5 + 16, (_options.KeyPrefix, hash), static (span, state) =>
        {
            state.KeyPrefix.AsSpan().CopyTo(span);
            "rl:r:".AsSpan().CopyTo(span[state.KeyPrefix.Length..]);
            state.hash.TryFormat(span[(state.KeyPrefix.Length + 5)..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>The SipHash key, derived with HMAC-SHA256 from a secret every instance shares.</summary>
    private sealed class HashKey(SecretValue source, ulong k0, ulong k1)
    {
        public SecretValue Source { get; } = source;

        public ulong K0 { get; } = k0;

        public ulong K1 { get; } = k1;

        public static HashKey Derive(SecretValue secret)
        {
            var secretBytes = Encoding.UTF8.GetBytes(secret.Reveal());
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(secretBytes, HashKeyLabel, mac);
            CryptographicOperations.ZeroMemory(secretBytes);
            var key = new HashKey(secret, BinaryPrimitives.ReadUInt64LittleEndian(mac), BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]));
            CryptographicOperations.ZeroMemory(mac);
            return key;
        }
    }
}
