namespace SecureWa.Sdk.Audit;

/// <summary>Why a chain does not verify.</summary>
public enum AuditBreakKind
{
    /// <summary>A record's content (or its link) was changed after it was written.</summary>
    Edited = 0,

    /// <summary>One or more records are missing (a gap in the sequence, or a removed prefix without a purge anchor).</summary>
    Deleted = 1,

    /// <summary>An intact record does not follow its predecessor: records were swapped, or removed and renumbered.</summary>
    Reordered = 2,

    /// <summary>The chain ends before a signed checkpoint: its tail was cut off.</summary>
    TailTruncated = 3,

    /// <summary>A checkpoint or purge anchor has an invalid signature, or disagrees with the record it names.</summary>
    InvalidCheckpoint = 4,

    /// <summary>A record names an audit key id that the secret provider cannot supply.</summary>
    UnknownKey = 5,
}
