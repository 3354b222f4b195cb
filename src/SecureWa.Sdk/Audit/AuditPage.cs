namespace SecureWa.Sdk.Audit;

/// <summary>One page of audit records, in insertion order.</summary>
/// <param name="records">The records.</param>
/// <param name="continuationToken">The token of the next page, or <see langword="null"/> on the last one.</param>
public sealed class AuditPage(IReadOnlyList<AuditRecord> records, string? continuationToken)
{
    /// <summary>The records.</summary>
    public IReadOnlyList<AuditRecord> Records { get; } = records;

    /// <summary>The token of the next page, or <see langword="null"/> on the last one.</summary>
    public string? ContinuationToken { get; } = continuationToken;
}
