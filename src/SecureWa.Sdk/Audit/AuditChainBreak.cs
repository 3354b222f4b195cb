namespace SecureWa.Sdk.Audit;

/// <summary>The first place where a chain does not verify.</summary>
/// <param name="chain">The chain.</param>
/// <param name="sequence">The first broken (or first missing) record's sequence number.</param>
/// <param name="kind">Why.</param>
/// <param name="description">A description without personal data.</param>
/// <param name="checkpointSequence">The checkpoint that proves a truncation, when <paramref name="kind"/> is <see cref="AuditBreakKind.TailTruncated"/>.</param>
public sealed class AuditChainBreak(string chain, long sequence, AuditBreakKind kind, string description, long? checkpointSequence = null)
{
    /// <summary>The chain.</summary>
    public string Chain { get; } = chain;

    /// <summary>The first broken (or first missing) record's sequence number.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Why the chain breaks there.</summary>
    public AuditBreakKind Kind { get; } = kind;

    /// <summary>A description without personal data.</summary>
    public string Description { get; } = description;

    /// <summary>The checkpoint that proves a truncation.</summary>
    public long? CheckpointSequence { get; } = checkpointSequence;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at {Chain}#{Sequence}: {Description}";
}
