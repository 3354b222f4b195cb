namespace SecureWa.Sdk.Audit;

/// <summary>What <see cref="IAuditTrail.VerifyAsync"/> checks; all chains, whole, by default.</summary>
public sealed class AuditVerificationRange
{
    /// <summary>Only this record class's chain.</summary>
    public AuditRecordClass? RecordClass { get; init; }

    /// <summary>Start at this sequence, trusting that record's stored previous link (a partial check: faster, weaker).</summary>
    public long? FromSequence { get; init; }

    /// <summary>Stop after this sequence (the tail is then not checked against checkpoints).</summary>
    public long? ToSequence { get; init; }

    /// <summary>Checkpoints kept outside the store (from <see cref="IAuditCheckpointObserver"/>); checked like the stored ones, so a tail removed together with its stored checkpoints is still found.</summary>
    public IReadOnlyList<AuditCheckpoint>? ExternalCheckpoints { get; init; }
}
