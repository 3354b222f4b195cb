namespace SecureWa.Sdk.Consent;

/// <summary>
/// One append-only consent record. It names the person only by an opaque subject key (a pseudonym from
/// <see cref="IRecipientPseudonymizer"/>), never by phone number.
/// </summary>
public sealed class ConsentRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="subjectKey">The opaque subject key.</param>
    /// <param name="purpose">The purpose, or <see langword="null"/> for an opt-out of every purpose.</param>
    /// <param name="kind">What the record says.</param>
    /// <param name="source">Where the change came from (<see cref="ConsentSources"/>).</param>
    /// <param name="recordedAt">When it was recorded.</param>
    /// <param name="evidenceReference">The application's evidence reference (a form submission id, a message id), or <see langword="null"/>.</param>
    /// <param name="expiresAt">For a pending opt-in, when it lapses.</param>
    /// <exception cref="ArgumentException">A required value is missing.</exception>
    public ConsentRecord(string subjectKey, string? purpose, ConsentRecordKind kind, string source, DateTimeOffset recordedAt, string? evidenceReference = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (purpose is null && kind != ConsentRecordKind.OptOut)
        {
            throw new ArgumentException("Only an opt-out may cover every purpose.", nameof(purpose));
        }

        SubjectKey = subjectKey;
        Purpose = purpose;
        Kind = kind;
        Source = source;
        RecordedAt = recordedAt;
        EvidenceReference = evidenceReference;
        ExpiresAt = expiresAt;
    }

    /// <summary>The opaque subject key (pseudonym) of the person.</summary>
    public string SubjectKey { get; }

    /// <summary>The purpose, or <see langword="null"/> for an opt-out of every purpose.</summary>
    public string? Purpose { get; }

    /// <summary>What the record says.</summary>
    public ConsentRecordKind Kind { get; }

    /// <summary>Where the change came from.</summary>
    public string Source { get; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>The application's evidence reference, if any.</summary>
    public string? EvidenceReference { get; }

    /// <summary>For a pending opt-in, when it lapses.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"ConsentRecord {Kind} {Purpose ?? "*"} via {Source}";
}
