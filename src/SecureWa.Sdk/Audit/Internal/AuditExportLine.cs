namespace SecureWa.Sdk.Audit.Internal;

/// <summary>One line of a subject export (right of access).</summary>
internal sealed class AuditExportLine
{
    public required string Chain { get; init; }

    public long Sequence { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public required string RecordClass { get; init; }

    public required string Phase { get; init; }

    public required string Operation { get; init; }

    public string? OperationId { get; init; }

    public string? OperatorId { get; init; }

    public string? SessionId { get; init; }

    public string? ClientIp { get; init; }

    public string? SubjectPseudonym { get; init; }

    public string? SubjectMasked { get; init; }

    public string? Outcome { get; init; }

    public int? GraphErrorCode { get; init; }

    public string? MessageId { get; init; }

    public string? TargetId { get; init; }

    public string? TemplateName { get; init; }

    public string? TemplateCategory { get; init; }

    public string? TraceId { get; init; }

    public string? Detail { get; init; }

    /// <summary>The decrypted content (UTF-8), while the subject's key exists.</summary>
    public string? Content { get; init; }

    /// <summary>Content was recorded but its key was erased: it can no longer be read.</summary>
    public bool? ContentErased { get; init; }
}
