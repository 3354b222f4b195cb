namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// Tells a first webhook delivery from a redelivery. The webhook endpoint uses the one registered in DI (for example
/// the Redis guard of SecureWa.Sdk.Redis, shared by every instance), or an in-process <see cref="WebhookReplayGuard"/>.
/// </summary>
/// <remarks>
/// Implementations decide per delivery, atomically: of two concurrent copies of one delivery exactly one is new.
/// The raw (verified) body is passed along for guards that key notifications without ids (errors only) by its hash.
/// </remarks>
public interface IWebhookReplayGuard
{
    /// <summary>Records the ids of a delivery and tells whether the whole delivery is a replay that may be dropped.</summary>
    /// <param name="notification">The parsed notification.</param>
    /// <param name="body">The raw body the signature was verified over.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> for a redelivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    ValueTask<bool> IsReplayAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);

    /// <summary>Forgets the ids of a delivery, so its next delivery is handled (its handler failed).</summary>
    /// <param name="notification">The parsed notification.</param>
    /// <param name="body">The raw body the signature was verified over.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the ids are forgotten.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    ValueTask ForgetAsync(WebhookNotification notification, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}
