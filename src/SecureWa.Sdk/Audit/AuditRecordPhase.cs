namespace SecureWa.Sdk.Audit;

/// <summary>Where an audit record stands in the life of an operation.</summary>
public enum AuditRecordPhase
{
    /// <summary>Written before the request leaves; an intent without an <see cref="Outcome"/> record is "outcome unknown".</summary>
    Intent = 0,

    /// <summary>Written after the operation ended; shares the intent's <see cref="AuditRecord.OperationId"/>.</summary>
    Outcome = 1,

    /// <summary>A whole operation in one record: it was refused before the audit intent was written (denied, refused by consent).</summary>
    Complete = 2,

    /// <summary>An event recorded by another component (webhook receipt, session issued, retention changed…).</summary>
    Event = 3,
}
