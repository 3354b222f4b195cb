namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The seam for rate limits shared by several processes (the SecureWa.Sdk.Redis package implements it). When one is
/// registered, <see cref="RateLimitingHandler"/> asks it for a reservation per recipient and per business phone number
/// instead of using the process's <see cref="RateLimiterRegistry"/>; the handler keeps the metrics, the logs, the wait
/// and the typed refusal, so the options and the behaviour are the same. A store that cannot reach its shared state
/// answers <see cref="SharedRateLimitDecision.UseLocal"/> with the (reduced) limits the handler then applies locally:
/// never unlimited.
/// </summary>
internal abstract class SharedRateLimiter
{
    /// <summary>Reserves the next slot of a recipient of <paramref name="phoneNumberId"/> (sends only).</summary>
    public abstract ValueTask<SharedRateLimitDecision> ReserveRecipientAsync(string phoneNumberId, string recipient, WhatsAppRateLimitOptions options, CancellationToken cancellationToken);

    /// <summary>Reserves the next slot of a business phone number.</summary>
    public abstract ValueTask<SharedRateLimitDecision> ReservePhoneNumberAsync(string phoneNumberId, WhatsAppRateLimitOptions options, CancellationToken cancellationToken);
}
