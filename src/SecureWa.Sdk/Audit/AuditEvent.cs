using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Audit;

/// <summary>
/// An event another component records with <see cref="IAuditTrail.RecordAsync"/>: a webhook receipt, a session issued
/// or revoked, a role change, a token-health finding. The subject's phone number is pseudonymized and masked by the
/// trail and never stored.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>The record class (and so the chain and retention period).</summary>
    public required AuditRecordClass RecordClass { get; init; }

    /// <summary>The event name (<c>webhook.receipt</c>, <c>session.revoke</c>) or a permission name.</summary>
    public required string Operation { get; init; }

    /// <summary>Who acted, when known.</summary>
    public WhatsAppOperator? Operator { get; init; }

    /// <summary>The subject's phone number (E.164, with or without <c>+</c>); pseudonymized and masked, never stored. Personal data.</summary>
    public string? SubjectPhoneNumber { get; init; }

    /// <summary>The outcome (<c>SignatureValid</c>, <c>SignatureRejected</c>, <c>Issued</c>…).</summary>
    public string? Outcome { get; init; }

    /// <summary>A Graph error code, when there is one.</summary>
    public int? GraphErrorCode { get; init; }

    /// <summary>A WhatsApp message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>A target object id (a status id, a session id, a role name).</summary>
    public string? TargetId { get; init; }

    /// <summary>A template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>A template category.</summary>
    public string? TemplateCategory { get; init; }

    /// <summary>A W3C trace id; the ambient activity's when not set.</summary>
    public string? TraceId { get; init; }

    /// <summary>A short detail without personal data (<c>sent→delivered</c>).</summary>
    public string? Detail { get; init; }

    /// <summary>Content to keep encrypted (only with <see cref="AuditOptions.RecordContent"/> on and a subject set; dropped otherwise).</summary>
    public ReadOnlyMemory<byte> Content { get; init; }
}
