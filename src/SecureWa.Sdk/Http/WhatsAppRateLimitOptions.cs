namespace SecureWa.Sdk.Http;

/// <summary>
/// Client-side rate limits, applied to every attempt that would reach the network (so retries count too).
/// The limiters are shared by every client of the process that acts for the same business phone number.
/// </summary>
/// <remarks>
/// <para>
/// Per business phone number: a token bucket of <see cref="PhoneNumberPermitsPerSecond"/> with a burst of
/// <see cref="PhoneNumberBurst"/> (the Cloud API allows 80 messages/s per number by default, error 130429 above it).
/// It applies to requests made for a phone number id (sends, read receipts, uploads); requests addressed by
/// a media id alone are not counted.
/// </para>
/// <para>
/// Per recipient (sends only): <see cref="RecipientBurst"/> messages at once, then one per
/// <see cref="RecipientInterval"/> (the Cloud API's pair rate limit, error 131056). Recipients are tracked by a
/// keyed 64-bit hash that never leaves the process, at most <see cref="MaxTrackedRecipients"/> at a time.
/// </para>
/// <para>
/// A request that finds no permit waits in a bounded queue for at most <see cref="MaxWait"/>; beyond the queue
/// or the wait it fails with <see cref="Errors.WhatsAppRateLimitExceededException"/> and nothing is sent.
/// Limiters are shared by every client of the process configured with the same limits; keep one configuration per
/// business number (clients with different limits for the same number get separate limiters).
/// </para>
/// </remarks>
public sealed class WhatsAppRateLimitOptions
{
    /// <summary>Whether client-side rate limiting is on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second per business phone number. Default 80 (the Cloud API default; Meta raises it up to 1,000).</summary>
    public int PhoneNumberPermitsPerSecond { get; set; } = 80;

    /// <summary>Requests a business phone number may send at once before the rate applies. Default 20.</summary>
    public int PhoneNumberBurst { get; set; } = 20;

    /// <summary>Requests that may wait for a permit per business phone number; more fail at once. Default 1,000.</summary>
    public int PhoneNumberQueueLimit { get; set; } = 1000;

    /// <summary>
    /// Messages that may go to one recipient at once before <see cref="RecipientInterval"/> applies; later sends are
    /// spaced so the burst is paid back (a generic cell rate algorithm, as Meta describes its pair limit: about one
    /// message per 6 s, bursts of up to 45 borrowed from the following minutes, error 131056 beyond). Default 10: a
    /// multi-part reply goes out at once, with a margin below Meta's 45, and a runaway loop cannot flood a customer.
    /// 0 turns the pair limit off. Waits over one second are logged at Information.
    /// </summary>
    public int RecipientBurst { get; set; } = 10;

    /// <summary>After the burst, one message per this interval to the same recipient. Default 6 seconds (Meta's pair rate limit).</summary>
    public TimeSpan RecipientInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Messages to one recipient that may wait for their turn; more fail at once. Default 5.</summary>
    public int RecipientQueueLimit { get; set; } = 5;

    /// <summary>Recipients tracked at a time (about 40 bytes each); recipients whose window has passed are forgotten first. Default 100,000.</summary>
    public int MaxTrackedRecipients { get; set; } = 100_000;

    /// <summary>The longest a request waits for a permit before it fails without being sent. Default 10 seconds.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate(ICollection<string> failures)
    {
        if (PhoneNumberPermitsPerSecond is <= 0 or > 100_000)
        {
            failures.Add("RateLimiting.PhoneNumberPermitsPerSecond must be between 1 and 100000.");
        }

        if (PhoneNumberBurst <= 0)
        {
            failures.Add("RateLimiting.PhoneNumberBurst must be positive.");
        }

        if (PhoneNumberQueueLimit < 0)
        {
            failures.Add("RateLimiting.PhoneNumberQueueLimit must not be negative.");
        }

        if (RecipientBurst < 0)
        {
            failures.Add("RateLimiting.RecipientBurst must not be negative (0 turns the recipient limit off).");
        }

        if (RecipientInterval <= TimeSpan.Zero || RecipientInterval > TimeSpan.FromHours(1))
        {
            failures.Add("RateLimiting.RecipientInterval must be positive and at most 1 hour.");
        }

        if (RecipientQueueLimit < 0)
        {
            failures.Add("RateLimiting.RecipientQueueLimit must not be negative.");
        }

        if (MaxTrackedRecipients < 1)
        {
            failures.Add("RateLimiting.MaxTrackedRecipients must be positive.");
        }

        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromMinutes(10))
        {
            failures.Add("RateLimiting.MaxWait must be between 0 and 10 minutes.");
        }
    }
}
