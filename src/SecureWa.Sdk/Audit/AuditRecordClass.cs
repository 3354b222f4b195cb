namespace SecureWa.Sdk.Audit;

/// <summary>
/// The class of an audit record. Each class is its own hash chain with its own retention period, so a purge of one
/// class removes a whole prefix of one chain and leaves a signed anchor.
/// </summary>
public enum AuditRecordClass
{
    /// <summary>SDK operations against the Cloud API (sends, media, templates, phone numbers…).</summary>
    Operation = 0,

    /// <summary>Webhook receipts: signature valid or rejected, message and status ids, status transitions.</summary>
    Webhook = 1,

    /// <summary>Operator sessions issued and revoked.</summary>
    Session = 2,

    /// <summary>Role and permission changes.</summary>
    AccessControl = 3,

    /// <summary>Retention changes and purges.</summary>
    Retention = 4,

    /// <summary>Token-health findings.</summary>
    TokenHealth = 5,

    /// <summary>Reads, exports, verifications and erasures of the audit trail itself.</summary>
    AuditAccess = 6,

    /// <summary>Consent records (opt-in, opt-out) written by the consent component.</summary>
    Consent = 7,
}
