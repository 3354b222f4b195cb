using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The rate limiters of a process: one token bucket per business phone number and one recipient (pair)
/// table, shared by every client. With DI it is a singleton (the container disposes it, handlers do not);
/// clients built without DI share <see cref="Shared"/>. Limiters are keyed by their limits as well: clients configured
/// alike share one limiter, and a client configured differently (a test, a second tier) never silently inherits the
/// limits of whichever client came first.
/// </summary>
internal sealed class RateLimiterRegistry : IDisposable
{
    private static readonly Lazy<RateLimiterRegistry> SharedInstance = new(static () => new RateLimiterRegistry(TimeProvider.System));

    private readonly ConcurrentDictionary<(string PhoneNumberId, int Rate, int Burst, int QueueLimit), Lazy<PhoneNumberLimiter>> _phoneNumbers = new();
    private readonly ConcurrentDictionary<(int Burst, TimeSpan Interval, int QueueLimit, int MaxTracked), Lazy<RecipientRateLimiter>> _recipients = new();

    public RateLimiterRegistry(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The registry shared by clients built without DI (on the system clock).</summary>
    public static RateLimiterRegistry Shared => SharedInstance.Value;

    public TimeProvider TimeProvider { get; }

    /// <summary>Business phone numbers with a limiter.</summary>
    public int PhoneNumberCount => _phoneNumbers.Count;

    /// <summary>Gets (or creates with <paramref name="options"/>) the token bucket of a business phone number.</summary>
    public PhoneNumberLimiter GetPhoneNumberLimiter(string phoneNumberId, WhatsAppRateLimitOptions options) =>
        _phoneNumbers.GetOrAdd(
            (phoneNumberId, options.PhoneNumberPermitsPerSecond, options.PhoneNumberBurst, options.PhoneNumberQueueLimit),
            static (_, o) => new Lazy<PhoneNumberLimiter>(() => PhoneNumberLimiter.Create(o), LazyThreadSafetyMode.ExecutionAndPublication),
            options).Value;

    /// <summary>Gets (or creates with <paramref name="options"/>) the recipient table for these pair limits.</summary>
    public RecipientRateLimiter GetRecipientLimiter(WhatsAppRateLimitOptions options) =>
        _recipients.GetOrAdd(
            (options.RecipientBurst, options.RecipientInterval, options.RecipientQueueLimit, options.MaxTrackedRecipients),
            static (_, state) => new Lazy<RecipientRateLimiter>(
                () => new RecipientRateLimiter(state.Options.RecipientBurst, state.Options.RecipientInterval, state.Options.RecipientQueueLimit, state.Options.MaxTrackedRecipients, state.TimeProvider),
                LazyThreadSafetyMode.ExecutionAndPublication),
            (Options: options, TimeProvider)).Value;

    public void Dispose()
    {
        foreach (var entry in _phoneNumbers.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.Limiter.Dispose();
            }
        }

        _phoneNumbers.Clear();
    }

    /// <summary>A phone number's token bucket and the figures needed to estimate a wait.</summary>
    internal sealed class PhoneNumberLimiter
    {
        private PhoneNumberLimiter(TokenBucketRateLimiter limiter, TimeSpan period, int tokensPerPeriod)
        {
            Limiter = limiter;
            Period = period;
            TokensPerPeriod = tokensPerPeriod;
        }

        public TokenBucketRateLimiter Limiter { get; }

        public TimeSpan Period { get; }

        public int TokensPerPeriod { get; }

        /// <summary>Estimates when a newly queued request would get its permit.</summary>
        public TimeSpan EstimateWait()
        {
            var queued = Limiter.GetStatistics()?.CurrentQueuedCount ?? 0;
            var periods = (queued / TokensPerPeriod) + 1;
            return Period * periods;
        }

        public static PhoneNumberLimiter Create(WhatsAppRateLimitOptions options)
        {
            // Replenish about ten times a second in whole tokens: 80/s → 8 tokens every 100 ms; 5/s → 1 every 200 ms.
            var rate = options.PhoneNumberPermitsPerSecond;
            var tokensPerPeriod = Math.Max(1, rate / 10);
            var period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * tokensPerPeriod / rate);
            var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PhoneNumberBurst,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = options.PhoneNumberQueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            return new PhoneNumberLimiter(limiter, period, tokensPerPeriod);
        }
    }
}
