namespace SecureWa.Sdk.Audit;

/// <summary>The kind of a signed statement about a chain.</summary>
public enum AuditCheckpointKind
{
    /// <summary>A periodic checkpoint: the chain had this record with this link; a trail ending before it was truncated.</summary>
    Checkpoint = 0,

    /// <summary>Left by a retention purge: records up to and including the sequence were removed; the chain continues from this link.</summary>
    PurgeAnchor = 1,
}
