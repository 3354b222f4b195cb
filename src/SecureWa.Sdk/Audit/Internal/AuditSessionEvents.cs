using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Sessions;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>Records operator session events (issue, rejection, logout, revocations, reinstatement) in the audit trail.</summary>
internal sealed class AuditSessionEvents(IAuditTrail trail) : IOperatorSessionEvents
{
    public async ValueTask OnSessionEventAsync(OperatorSessionEvent sessionEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionEvent);
        var actorId = sessionEvent.ActorId ?? sessionEvent.OperatorId;
        await trail.RecordAsync(
            new AuditEvent
            {
                RecordClass = AuditRecordClass.Session,
                Operation = "sessions." + sessionEvent.Kind.ToString().ToLowerInvariant(),
                Operator = string.IsNullOrEmpty(actorId) ? null : new WhatsAppOperator(actorId, [], sessionEvent.ActorSessionId ?? sessionEvent.SessionId),
                TargetId = sessionEvent.SessionId ?? sessionEvent.OperatorId,
                Outcome = sessionEvent.Rejection is { } rejection ? "rejected:" + rejection : sessionEvent.Kind.ToString(),
                Detail = sessionEvent.IdentityProvider,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
