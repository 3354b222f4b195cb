namespace SecureWa.Sdk.Sessions;

/// <summary>
/// Receives operator session events (issued, refused, revoked, reinstated), for the audit trail and alerts. Register any
/// number as singletons. An exception from <see cref="OnSessionEventAsync"/> fails the issue or revocation that raised it
/// (the revocation itself is already stored; an issued token is not handed out), and is logged and ignored for a refusal.
/// </summary>
public interface IOperatorSessionEvents
{
    /// <summary>Handles one event. Events carry ids only, never a token.</summary>
    /// <param name="sessionEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>A task that completes when the event is recorded.</returns>
    ValueTask OnSessionEventAsync(OperatorSessionEvent sessionEvent, CancellationToken cancellationToken = default);
}
