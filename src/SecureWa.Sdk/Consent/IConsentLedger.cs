namespace SecureWa.Sdk.Consent;

/// <summary>
/// The consent ledger: opt-ins (direct or double opt-in), opt-outs, the current status, the append-only history, and
/// the rights of access (export) and erasure, per person and purpose. Recipients are phone numbers (any formatting);
/// the ledger stores only their pseudonymous subject key.
/// </summary>
public interface IConsentLedger
{
    /// <summary>The opaque subject key the ledger files <paramref name="recipient"/> under.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subject key.</returns>
    ValueTask<string> GetSubjectKeyAsync(string recipient, CancellationToken cancellationToken = default);

    /// <summary>Records an opt-in; with <paramref name="requireConfirmation"/>, a pending double opt-in that lapses unless confirmed.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose (<see cref="ConsentPurposes"/> or a custom <c>[a-z0-9_]{1,64}</c> name).</param>
    /// <param name="source">Where it came from (<see cref="ConsentSources"/>).</param>
    /// <param name="evidenceReference">The application's evidence reference (at most 256 characters), or <see langword="null"/>.</param>
    /// <param name="requireConfirmation">Whether the person must still confirm (double opt-in).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended record.</returns>
    ValueTask<ConsentRecord> RecordOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, bool requireConfirmation = false, CancellationToken cancellationToken = default);

    /// <summary>Confirms a pending double opt-in; <see langword="false"/> (nothing recorded) when none is pending or it lapsed.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="source">Where the confirmation came from.</param>
    /// <param name="evidenceReference">The evidence reference, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the opt-in is now current.</returns>
    ValueTask<bool> ConfirmOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default);

    /// <summary>Records an opt-out of one purpose, or of every purpose when <paramref name="purpose"/> is <see langword="null"/>.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose, or <see langword="null"/> for all.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="evidenceReference">The evidence reference, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended record.</returns>
    ValueTask<ConsentRecord> RecordOptOutAsync(string recipient, string? purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default);

    /// <summary>The current state for one purpose.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    ValueTask<ConsentState> GetStatusAsync(string recipient, string purpose, CancellationToken cancellationToken = default);

    /// <summary>The current state for one purpose of a subject key (what the consent policy asks per send).</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    ValueTask<ConsentState> GetStatusBySubjectAsync(string subjectKey, string purpose, CancellationToken cancellationToken = default);

    /// <summary>The person's full history, oldest first.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string recipient, CancellationToken cancellationToken = default);

    /// <summary>Writes the person's records to <paramref name="destination"/> as JSON lines (right of access).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="destination">The stream to write to (left open).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many records were written.</returns>
    ValueTask<int> ExportAsync(string recipient, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Erases every record of the person, and their service-window entry (right of erasure).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many records were erased.</returns>
    ValueTask<int> EraseAsync(string recipient, CancellationToken cancellationToken = default);
}
