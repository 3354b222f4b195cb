namespace SecureWa.Sdk.Audit;

/// <summary>
/// Told when an audit record could not be written (register as a DI singleton; connect a security alert sink here).
/// Called inline: keep it fast and never throw.
/// </summary>
public interface IAuditFailureObserver
{
    /// <summary>An audit record could not be written.</summary>
    /// <param name="failure">What failed.</param>
    void OnAuditWriteFailed(AuditWriteFailure failure);
}
