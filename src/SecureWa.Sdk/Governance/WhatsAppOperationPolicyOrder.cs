namespace SecureWa.Sdk.Governance;

/// <summary>The positions of the SDK's own policies in the operation pipeline (lower runs first before the call).</summary>
public static class WhatsAppOperationPolicyOrder
{
    /// <summary>Access control: operator, role → permission, assignment. Fails closed when enabled.</summary>
    public const int Authorize = 100;

    /// <summary>Consent: purpose, opt-out, 24-hour window.</summary>
    public const int Consent = 200;

    /// <summary>Audit intent, written before the request leaves.</summary>
    public const int Audit = 300;

    /// <summary>Detectors (alerts on counters); they observe outcomes.</summary>
    public const int Detectors = 400;
}
