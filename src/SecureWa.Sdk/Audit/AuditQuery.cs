namespace SecureWa.Sdk.Audit;

/// <summary>A filter over the audit trail; every set criterion must match. Paged by <see cref="ContinuationToken"/>.</summary>
public sealed class AuditQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Records at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The operator id.</summary>
    public string? OperatorId { get; init; }

    /// <summary>The operation (permission or event name).</summary>
    public string? Operation { get; init; }

    /// <summary>The outcome name.</summary>
    public string? Outcome { get; init; }

    /// <summary>The record class.</summary>
    public AuditRecordClass? RecordClass { get; init; }

    /// <summary>The recipient's phone number; the trail pseudonymizes it for the lookup. Personal data.</summary>
    public string? RecipientPhoneNumber { get; init; }

    /// <summary>The recipient's pseudonym (<see cref="AuditRecord.SubjectPseudonym"/>).</summary>
    public string? SubjectPseudonym { get; init; }

    /// <summary>Only intents that have no outcome record ("outcome unknown": the process stopped, or the call is still running).</summary>
    public bool OutcomeUnknownOnly { get; init; }

    /// <summary>Records per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The token of the previous page (<see cref="AuditPage.ContinuationToken"/>).</summary>
    public string? ContinuationToken { get; init; }
}
