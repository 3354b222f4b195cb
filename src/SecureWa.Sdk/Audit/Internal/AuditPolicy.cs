using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// The audit step of the operation pipeline: the intent before any I/O (fail closed: refused when it cannot be written),
/// the outcome after; an operation refused before this policy ran is written as one complete record.
/// </summary>
internal sealed class AuditPolicy(AuditTrail trail) : WhatsAppOperationPolicy
{
    internal const string ItemKey = "SecureWa.Audit";

    public AuditTrail Trail { get; } = trail;

    public override int Order => WhatsAppOperationPolicyOrder.Audit;

    public override async ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
    {
        var state = new State(Guid.NewGuid().ToString("N"));
        context.Items[ItemKey] = state;
        try
        {
            await Trail.AppendOperationAsync(context, AuditRecordPhase.Intent, state.OperationId, null, cancellationToken).ConfigureAwait(false);
            state.IntentWritten = true;
        }
        catch (Exception ex) when (AuditTrail.IsStoreFailure(ex, cancellationToken))
        {
            var failClosed = Trail.Options.FailureMode == AuditFailureMode.FailClosed;
            Trail.ReportFailure(context.Permission, AuditRecordPhase.Intent, failClosed, ex);
            if (failClosed)
            {
                throw new WhatsAppAuditUnavailableException(context.Permission, ex);
            }
        }
    }

    public override async ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken)
    {
        var state = context.HasItems && context.Items.TryGetValue(ItemKey, out var value) ? value as State : null;
        var phase = state is { IntentWritten: true } ? AuditRecordPhase.Outcome : AuditRecordPhase.Complete;
        try
        {
            await Trail.AppendOperationAsync(context, phase, state?.OperationId ?? Guid.NewGuid().ToString("N"), outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AuditTrail.IsStoreFailure(ex, cancellationToken))
        {
            // Never replaces the call's result: the intent stays visible as "outcome unknown", and it is logged, counted, reported.
            Trail.ReportFailure(context.Permission, phase, failClosed: false, ex);
        }
    }

    private sealed class State(string operationId)
    {
        public string OperationId { get; } = operationId;

        public bool IntentWritten { get; set; }
    }
}
