using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// The default <see cref="IConsentLedger"/> over an <see cref="IConsentStore"/>; every change is raised to the
/// registered <see cref="IConsentEvents"/>.
/// </summary>
public sealed partial class ConsentLedger : IConsentLedger
{
    private const int MaxEvidenceLength = 256;
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly IConsentStore _store;
    private readonly IRecipientPseudonymizer _pseudonymizer;
    private readonly ICustomerServiceWindow? _window;
    private readonly IConsentEvents[] _events;
    private readonly ConsentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the ledger.</summary>
    /// <param name="store">Where records are kept.</param>
    /// <param name="pseudonymizer">Turns numbers into subject keys.</param>
    /// <param name="options">The consent options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="events">Observers of every change (the audit trail), or <see langword="null"/>.</param>
    /// <param name="window">The service window (erased with the person), or <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public ConsentLedger(
        IConsentStore store,
        IRecipientPseudonymizer pseudonymizer,
        IOptions<ConsentOptions> options,
        TimeProvider timeProvider,
        IEnumerable<IConsentEvents>? events = null,
        ICustomerServiceWindow? window = null,
        ILogger<ConsentLedger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _pseudonymizer = pseudonymizer;
        _options = options.Value;
        _timeProvider = timeProvider;
        _events = events?.ToArray() ?? [];
        _window = window;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient is not a valid number.</exception>
    public ValueTask<string> GetSubjectKeyAsync(string recipient, CancellationToken cancellationToken = default)
    {
        MessageValidator.ValidateRecipient(recipient);
        return _pseudonymizer.GetSubjectKeyAsync(MessageValidator.NormalizeRecipient(recipient), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient, purpose, source or evidence reference is invalid.</exception>
    public async ValueTask<ConsentRecord> RecordOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, bool requireConfirmation = false, CancellationToken cancellationToken = default)
    {
        ValidatePurpose(purpose);
        Validate(source, evidenceReference);
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var record = requireConfirmation
            ? new ConsentRecord(subject, purpose, ConsentRecordKind.OptInPending, source, now, evidenceReference, now + _options.PendingConfirmationTimeout)
            : new ConsentRecord(subject, purpose, ConsentRecordKind.OptIn, source, now, evidenceReference);
        await AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient, purpose, source or evidence reference is invalid.</exception>
    public async ValueTask<bool> ConfirmOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default)
    {
        ValidatePurpose(purpose);
        Validate(source, evidenceReference);
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        var records = await _store.GetRecordsAsync(subject, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        if (ConsentEvaluator.Evaluate(records, purpose, now).Status != ConsentStatus.PendingConfirmation)
        {
            return false;
        }

        await AppendAsync(new ConsentRecord(subject, purpose, ConsentRecordKind.OptIn, source, now, evidenceReference), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient, purpose, source or evidence reference is invalid.</exception>
    public async ValueTask<ConsentRecord> RecordOptOutAsync(string recipient, string? purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default)
    {
        if (purpose is not null)
        {
            ValidatePurpose(purpose);
        }

        Validate(source, evidenceReference);
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        var record = new ConsentRecord(subject, purpose, ConsentRecordKind.OptOut, source, _timeProvider.GetUtcNow(), evidenceReference);
        await AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient or purpose is invalid.</exception>
    public async ValueTask<ConsentState> GetStatusAsync(string recipient, string purpose, CancellationToken cancellationToken = default)
    {
        ValidatePurpose(purpose);
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        return await GetStatusBySubjectAsync(subject, purpose, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The subject key is empty.</exception>
    public async ValueTask<ConsentState> GetStatusBySubjectAsync(string subjectKey, string purpose, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectKey);
        var records = await _store.GetRecordsAsync(subjectKey, cancellationToken).ConfigureAwait(false);
        return records.Count == 0 ? ConsentState.None : ConsentEvaluator.Evaluate(records, purpose, _timeProvider.GetUtcNow());
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    public async ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        return await _store.GetRecordsAsync(subject, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public async ValueTask<int> ExportAsync(string recipient, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var records = await GetHistoryAsync(recipient, cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            var line = new ConsentRecordLine
            {
                Subject = record.SubjectKey,
                Purpose = record.Purpose,
                Kind = record.Kind switch
                {
                    ConsentRecordKind.OptIn => "opt_in",
                    ConsentRecordKind.OptInPending => "opt_in_pending",
                    _ => "opt_out",
                },
                Source = record.Source,
                RecordedAt = record.RecordedAt,
                Evidence = record.EvidenceReference,
                ExpiresAt = record.ExpiresAt,
            };
            await JsonSerializer.SerializeAsync(destination, line, ConsentJsonContext.Default.ConsentRecordLine, cancellationToken).ConfigureAwait(false);
            await destination.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }

        return records.Count;
    }

    /// <inheritdoc />
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    public async ValueTask<int> EraseAsync(string recipient, CancellationToken cancellationToken = default)
    {
        var subject = await GetSubjectKeyAsync(recipient, cancellationToken).ConfigureAwait(false);
        var count = await _store.EraseSubjectAsync(subject, cancellationToken).ConfigureAwait(false);
        _window?.Forget(subject);
        foreach (var observer in _events)
        {
            try
            {
                await observer.OnErasedAsync(subject, count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEventFailed(_logger, observer.GetType().Name, "erased", ex.GetType().Name);
            }
        }

        return count;
    }

    private async ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken)
    {
        await _store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        LogRecorded(_logger, record.Kind, record.Purpose ?? "*", record.Source);
        foreach (var observer in _events)
        {
            try
            {
                await observer.OnRecordedAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEventFailed(_logger, observer.GetType().Name, record.Kind.ToString(), ex.GetType().Name);
            }
        }
    }

    internal static void ValidatePurpose(string? purpose)
    {
        if (!ConsentPurposes.IsValid(purpose))
        {
            throw new WhatsAppValidationException("purpose", "'purpose' must be 1 to 64 characters of a-z, 0-9 and '_'.", 64);
        }
    }

    private static void Validate(string? source, string? evidenceReference)
    {
        if (!ConsentPurposes.IsValid(source))
        {
            throw new WhatsAppValidationException("source", "'source' must be 1 to 64 characters of a-z, 0-9 and '_'.", 64);
        }

        if (evidenceReference is { Length: > MaxEvidenceLength })
        {
            throw new WhatsAppValidationException("evidence_reference", $"'evidence_reference' must be at most {MaxEvidenceLength} characters.", MaxEvidenceLength);
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Consent {Kind} recorded for purpose {Purpose} from {Source}")]
    private static partial void LogRecorded(ILogger logger, ConsentRecordKind kind, string purpose, string source);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Consent event observer {Observer} failed on {Change} ({ExceptionType})")]
    private static partial void LogEventFailed(ILogger logger, string observer, string change, string exceptionType);
}
