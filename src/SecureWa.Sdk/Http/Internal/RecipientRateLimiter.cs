using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Per recipient (pair) rate limit for one process: a burst, then one message per interval, computed with the
/// generic cell rate algorithm (one timestamp per recipient) on a <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>PartitionedRateLimiter.Create</c> with a token bucket per recipient: it keeps every partition in one
/// dictionary under a global lock, walks all of them on a 100 ms heartbeat, evicts a partition only after its
/// bucket has been full for 10 s, and has no upper bound; with millions of recipients that is a limiter object,
/// a queue and a heartbeat visit per recipient. Here a recipient costs one dictionary entry (about 40 bytes), an
/// entry whose window has passed carries no information and is dropped losslessly, and the table is hard-bounded
/// by <see cref="WhatsAppRateLimitOptions.MaxTrackedRecipients"/>.
/// </para>
/// <para>
/// Recipients are keyed by SipHash-2-4 (a keyed pseudorandom function; per-process random 128-bit key) of phone
/// number id and recipient digits, 64 bits: the table holds no phone number, the keys cannot be inverted or predicted
/// without the key (which never leaves the process), and a collision only makes two recipients share a window. SipHash
/// replaced a truncated HMAC-SHA256, with the same properties for this use, because a one-shot HMAC through the
/// platform crypto library cost about 4 µs per send (most of the limiter's cost).
/// A waiter that is cancelled keeps its reserved slot, which can only slow later messages, never speed them up.
/// </para>
/// </remarks>
internal sealed class RecipientRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<ulong, Entry> _entries = new();
    private readonly ulong _hashKey0;
    private readonly ulong _hashKey1;
    private readonly TimeProvider _timeProvider;
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly int _queueLimit;
    private readonly int _capacity;

    public RecipientRateLimiter(int burst, TimeSpan interval, int queueLimit, int capacity, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _interval = interval.Ticks;
        _tolerance = (Math.Max(burst, 1) - 1) * interval.Ticks;
        _queueLimit = queueLimit;
        _capacity = capacity;
        Span<byte> key = stackalloc byte[16];
        RandomNumberGenerator.Fill(key);
        _hashKey0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        _hashKey1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>Recipients currently tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The prefix of a group recipient's key (<c>recipient_type</c> group): the whole id is hashed, not only its digits.</summary>
    public const string GroupKeyPrefix = "group:";

    /// <summary>Computes the partition key of a recipient for a phone number id.</summary>
    public ulong GetKey(string phoneNumberId, string recipient)
    {
        Span<byte> buffer = stackalloc byte[384];
        var length = Encoding.ASCII.GetBytes(phoneNumberId.AsSpan(0, Math.Min(phoneNumberId.Length, 64)), buffer);
        if (recipient.StartsWith(GroupKeyPrefix, StringComparison.Ordinal))
        {
            // A group id (validated: ASCII, at most 256 characters) is hashed whole, behind a separator no phone
            // number key has, so two groups never share a window and a group never shares one with a user.
            buffer[length++] = (byte)'#';
            foreach (var c in recipient.AsSpan(GroupKeyPrefix.Length))
            {
                if (length == buffer.Length)
                {
                    break;
                }

                buffer[length++] = c < 128 ? (byte)c : (byte)'?';
            }

            return SipHash.Hash(_hashKey0, _hashKey1, buffer[..length]);
        }

        buffer[length++] = (byte)'|';
        foreach (var c in recipient)
        {
            if (char.IsAsciiDigit(c) && length < buffer.Length)
            {
                buffer[length++] = (byte)c;
            }
        }

        return SipHash.Hash(_hashKey0, _hashKey1, buffer[..length]);
    }

    /// <summary>
    /// Reserves the recipient's next slot. Returns <see cref="TimeSpan.Zero"/> to go at once, a positive delay to
    /// wait (the caller must then call <see cref="EndWait"/>), or <see langword="null"/> with
    /// <paramref name="retryAfter"/> when the wait would exceed <paramref name="maxWait"/> or the queue is full.
    /// </summary>
    public TimeSpan? TryReserve(ulong key, TimeSpan maxWait, out TimeSpan retryAfter)
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            // One hash lookup for a tracked recipient (the entry is updated in place), two for a new one.
            ref var tracked = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, key);
            var exists = !Unsafe.IsNullRef(ref tracked);
            var entry = exists ? tracked : default;
            var tat = Math.Max(entry.TheoreticalArrival, now);
            var wait = tat - _tolerance - now;
            if (wait > 0 && (wait > maxWait.Ticks || entry.Waiting >= _queueLimit))
            {
                retryAfter = TimeSpan.FromTicks(wait);
                return null;
            }

            entry.TheoreticalArrival = tat + _interval;
            if (wait > 0)
            {
                entry.Waiting++;
            }

            if (exists)
            {
                tracked = entry;
            }
            else
            {
                if (_entries.Count >= _capacity)
                {
                    Evict(now);
                }

                _entries[key] = entry;
            }

            retryAfter = TimeSpan.Zero;
            return wait > 0 ? TimeSpan.FromTicks(wait) : TimeSpan.Zero;
        }
    }

    /// <summary>Ends a wait started by <see cref="TryReserve"/>.</summary>
    public void EndWait(ulong key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Waiting > 0)
            {
                entry.Waiting--;
                _entries[key] = entry;
            }
        }
    }

    /// <summary>Drops entries whose window has passed (lossless), then, if still near capacity, arbitrary idle ones down to 90 %.</summary>
    private void Evict(long now)
    {
        var expired = 0;
        foreach (var (key, entry) in _entries)
        {
            if (entry.TheoreticalArrival <= now && entry.Waiting == 0)
            {
                _entries.Remove(key);
                expired++;
            }
        }

        if (expired > 0)
        {
            ResilienceMetrics.RecipientEvictions.Add(expired, new KeyValuePair<string, object?>("reason", "expired"));
        }

        var target = Math.Max(0, (int)(_capacity * 0.9) - 1);
        if (_entries.Count <= target)
        {
            return;
        }

        // Every tracked recipient is inside its window: forget the ones whose window ends soonest is not worth an
        // O(n log n) sort here; forgetting any idle one only lets that recipient's next message go a little early.
        var forced = 0;
        foreach (var (key, entry) in _entries)
        {
            if (_entries.Count <= target)
            {
                break;
            }

            if (entry.Waiting == 0)
            {
                _entries.Remove(key);
                forced++;
            }
        }

        if (forced > 0)
        {
            ResilienceMetrics.RecipientEvictions.Add(forced, new KeyValuePair<string, object?>("reason", "capacity"));
        }
    }

    private struct Entry
    {
        public long TheoreticalArrival;
        public int Waiting;
    }
}
