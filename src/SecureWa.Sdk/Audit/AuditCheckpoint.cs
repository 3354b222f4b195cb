namespace SecureWa.Sdk.Audit;

/// <summary>A signed statement about one chain (a JWS signed with a key derived from the audit key).</summary>
public sealed class AuditCheckpoint
{
    /// <summary>The chain (see <see cref="AuditRecord.Chain"/>).</summary>
    public required string Chain { get; init; }

    /// <summary>The sequence number of the record it names.</summary>
    public required long Sequence { get; init; }

    /// <summary>The link of that record.</summary>
    public required byte[] Link { get; init; }

    /// <summary>A periodic checkpoint or a purge anchor.</summary>
    public required AuditCheckpointKind Kind { get; init; }

    /// <summary>When it was made (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The compact JWS (HS256) over the chain, sequence, link and kind; keep a copy elsewhere to detect the removal of a whole chain.</summary>
    public required string Jws { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Chain}#{Sequence}";
}
