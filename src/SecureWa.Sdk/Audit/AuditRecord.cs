namespace SecureWa.Sdk.Audit;

/// <summary>
/// One record of the audit trail, as stored. Holds no message text, media or names: the recipient is a keyed
/// pseudonym plus a masked number, and content (opt-in) is encrypted under a per-subject key.
/// </summary>
/// <remarks>Stores create records; applications read them from <see cref="IAuditTrail.QueryAsync"/>.</remarks>
public sealed class AuditRecord
{
    private long _id;
    private byte[] _link = [];

    /// <summary>The store's row id (ascending in insertion order; used for paging).</summary>
    public long Id { get => _id; init => _id = value; }

    /// <summary>The hash chain the record belongs to (one per <see cref="AuditRecordClass"/>).</summary>
    public required string Chain { get; init; }

    /// <summary>The position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened (UTC, from the <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The record class.</summary>
    public required AuditRecordClass RecordClass { get; init; }

    /// <summary>Intent, outcome, complete operation or event.</summary>
    public required AuditRecordPhase Phase { get; init; }

    /// <summary>Ties an intent to its outcome.</summary>
    public string? OperationId { get; init; }

    /// <summary>The operator id, when known.</summary>
    public string? OperatorId { get; init; }

    /// <summary>The operator's session id, when known.</summary>
    public string? SessionId { get; init; }

    /// <summary>The client IP address, when known.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The operation: a permission name (<c>messages.send</c>) or an event name (<c>webhook.receipt</c>).</summary>
    public required string Operation { get; init; }

    /// <summary>The subject pseudonym: hex HMAC-SHA256 of the E.164 number under the audit pepper.</summary>
    public string? SubjectPseudonym { get; init; }

    /// <summary>The masked number (<c>+*******1234</c>).</summary>
    public string? SubjectMasked { get; init; }

    /// <summary>The outcome (<c>Accepted</c>, <c>Denied</c>, <c>Failed</c>… or an event's own outcome); <see langword="null"/> on an intent.</summary>
    public string? Outcome { get; init; }

    /// <summary>The Graph error code of a failed call.</summary>
    public int? GraphErrorCode { get; init; }

    /// <summary>The WhatsApp message id, once known.</summary>
    public string? MessageId { get; init; }

    /// <summary>The target object id (media id, template id, the message marked as read).</summary>
    public string? TargetId { get; init; }

    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template category.</summary>
    public string? TemplateCategory { get; init; }

    /// <summary>The W3C trace id.</summary>
    public string? TraceId { get; init; }

    /// <summary>A short detail without personal data (the message type, a status transition, a role name).</summary>
    public string? Detail { get; init; }

    /// <summary>Encrypted content (opt-in): version, nonce, tag and AES-256-GCM ciphertext under the subject's key.</summary>
    public byte[]? EncryptedContent { get; init; }

    /// <summary>The id of the audit key that links this record.</summary>
    public required string KeyId { get; init; }

    /// <summary>The previous record's link (empty for the first record of a chain).</summary>
    public byte[] PreviousLink { get; init; } = [];

    /// <summary>HMAC-SHA256 over the record's canonical content and <see cref="PreviousLink"/>.</summary>
    public byte[] Link { get => _link; init => _link = value; }

    internal void Seal(byte[] link) => _link = link;

    internal void SetId(long id) => _id = id;

    /// <inheritdoc />
    public override string ToString() => $"{Chain}#{Sequence} {Phase} {Operation} {Outcome}";
}
