namespace SecureWa.Sdk.Audit;

/// <summary>What an operation does when its audit intent cannot be written.</summary>
public enum AuditFailureMode
{
    /// <summary>The operation is refused with <see cref="WhatsAppAuditUnavailableException"/>; nothing is sent. The default.</summary>
    FailClosed = 0,

    /// <summary>The operation goes on; the failure is logged, counted (<c>securewa.audit.write_failures</c>) and reported to every <see cref="IAuditFailureObserver"/>.</summary>
    FailOpen = 1,
}
