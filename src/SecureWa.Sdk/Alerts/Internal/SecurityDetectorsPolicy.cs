using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>
/// The last stage of the operation pipeline: feeds operation outcomes to the security detectors (access denied per
/// operator, consent refusals, operator activity for the business-hours detector). Registered by
/// <c>AddSecureWaSecurityAlerts</c>; costs one virtual call per operation.
/// </summary>
internal sealed class SecurityDetectorsPolicy(ISecurityEventRecorder recorder) : WhatsAppOperationPolicy
{
    public override int Order => WhatsAppOperationPolicyOrder.Detectors;

    public override ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken)
    {
        var operatorId = context.Operator?.Id;
        switch (outcome.Kind)
        {
            case WhatsAppOperationOutcomeKind.Denied:
                recorder.RecordAccessDenied(operatorId);
                break;
            case WhatsAppOperationOutcomeKind.RefusedByConsent:
                recorder.RecordConsentRefused();
                break;
        }

        if (operatorId is not null)
        {
            recorder.RecordOperatorActivity(operatorId);
        }

        return default;
    }
}
