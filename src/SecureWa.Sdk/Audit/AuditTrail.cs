using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Audit;

/// <summary>
/// The tamper-evident audit trail over an <see cref="IAuditStore"/>: one HMAC-SHA256 hash chain per record class, signed
/// checkpoints and purge anchors (JWS), pseudonymized recipients, opt-in encrypted content with per-subject keys.
/// Thread-safe; register one per application (<c>services.AddSecureWaAudit(...)</c>).
/// </summary>
public sealed partial class AuditTrail : IAuditTrail
{
    private readonly IAuditStore _store;
    private readonly AuditOptions _options;
    private readonly AuditKeyRing _keys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IAuditFailureObserver[] _observers;
    private readonly IAuditCheckpointObserver[] _checkpointObservers;
    private readonly ConcurrentDictionary<AuditRecordClass, TimeSpan> _retention = new();
    private readonly ConcurrentDictionary<string, long> _lastCheckpoint = new(StringComparer.Ordinal);

    /// <summary>Creates the trail.</summary>
    /// <param name="store">Where records live.</param>
    /// <param name="secretProvider">Where the audit key, pepper and content key come from (<see cref="AuditSecretNames"/>).</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="observers">Told about records that could not be written.</param>
    /// <param name="checkpointObservers">Told about every signed checkpoint and purge anchor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="secretProvider"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public AuditTrail(IAuditStore store, ISecretProvider secretProvider, AuditOptions options, TimeProvider? timeProvider = null, ILogger<AuditTrail>? logger = null, IEnumerable<IAuditFailureObserver>? observers = null, IEnumerable<IAuditCheckpointObserver>? checkpointObservers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(secretProvider);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _keys = new AuditKeyRing(secretProvider);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _observers = observers?.ToArray() ?? [];
        _checkpointObservers = checkpointObservers?.ToArray() ?? [];
        foreach (var pair in options.Retention)
        {
            _retention[pair.Key] = pair.Value;
        }
    }

    /// <summary>The options.</summary>
    public AuditOptions Options => _options;

    /// <inheritdoc />
    public async Task<AuditRecord> RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Operation, nameof(auditEvent));
        try
        {
            var subject = auditEvent.SubjectPhoneNumber is { Length: > 0 } phone ? MessageValidator.NormalizeRecipient(phone) : null;
            return await AppendAsync(
                auditEvent.RecordClass,
                AuditRecordPhase.Event,
                operationId: null,
                auditEvent.Operator,
                subject,
                auditEvent.Operation,
                auditEvent.Outcome,
                auditEvent.GraphErrorCode,
                auditEvent.MessageId,
                auditEvent.TargetId,
                auditEvent.TemplateName,
                auditEvent.TemplateCategory,
                auditEvent.TraceId ?? Activity.Current?.TraceId.ToHexString(),
                auditEvent.Detail,
                auditEvent.Content,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            ReportFailure(auditEvent.Operation, AuditRecordPhase.Event, failClosed: true, ex);
            throw new WhatsAppAuditUnavailableException(auditEvent.Operation, ex);
        }
    }

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, AuditQuery.MaxPageSize, nameof(query));
        long afterId = 0;
        if (query.ContinuationToken is { } token && (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out afterId) || afterId < 0))
        {
            throw new ArgumentException("The continuation token is not one this trail issued.", nameof(query));
        }

        try
        {
            var pseudonym = query.SubjectPseudonym;
            if (query.RecipientPhoneNumber is { Length: > 0 } phone)
            {
                pseudonym = Pseudonymize(await _keys.GetPepperAsync(cancellationToken).ConfigureAwait(false), MessageValidator.NormalizeRecipient(phone));
            }

            var rows = await _store.QueryAsync(query, pseudonym, afterId, cancellationToken).ConfigureAwait(false);
            if (rows.Count > query.PageSize)
            {
                var page = rows.Take(query.PageSize).ToArray();
                return new AuditPage(page, page[^1].Id.ToString(CultureInfo.InvariantCulture));
            }

            return new AuditPage(rows, null);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditRead, ex);
        }
    }

    /// <inheritdoc />
    public async Task<AuditVerificationResult> VerifyAsync(AuditVerificationRange? range = null, CancellationToken cancellationToken = default)
    {
        try
        {
            IReadOnlyList<string> chains = range?.RecordClass is { } only
                ? [AuditChains.Name(only)]
                : (await _store.GetChainsAsync(cancellationToken).ConfigureAwait(false))
                    .Concat(range?.ExternalCheckpoints?.Select(static c => c.Chain) ?? [])
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(static c => AuditChains.ClassOf(c) ?? (AuditRecordClass)int.MaxValue).ThenBy(static c => c, StringComparer.Ordinal).ToArray();
            var keys = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
            long total = 0;
            foreach (var chain in chains)
            {
                var (count, broken) = await VerifyChainAsync(chain, range, keys, cancellationToken).ConfigureAwait(false);
                total += count;
                if (broken is not null)
                {
                    return new AuditVerificationResult(total, chains.Count, broken);
                }
            }

            return new AuditVerificationResult(total, chains.Count, null);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditRead, ex);
        }
    }

    /// <inheritdoc />
    public async Task<int> ExportSubjectAsync(string phoneNumber, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            var pseudonym = Pseudonymize(await _keys.GetPepperAsync(cancellationToken).ConfigureAwait(false), MessageValidator.NormalizeRecipient(phoneNumber));
            byte[]? subjectKey = null;
            var subjectKeyRead = false;
            var count = 0;
            long after = 0;
            var query = new AuditQuery { PageSize = 500 };
            while (true)
            {
                var rows = await _store.QueryAsync(query, pseudonym, after, cancellationToken).ConfigureAwait(false);
                foreach (var record in rows.Take(query.PageSize))
                {
                    string? content = null;
                    bool? erased = null;
                    if (record.EncryptedContent is { } encrypted)
                    {
                        if (!subjectKeyRead)
                        {
                            subjectKey = await ReadSubjectKeyAsync(pseudonym, cancellationToken).ConfigureAwait(false);
                            subjectKeyRead = true;
                        }

                        var plain = subjectKey is null ? null : AuditContentCipher.Decrypt(subjectKey, encrypted, pseudonym);
                        content = plain is null ? null : Encoding.UTF8.GetString(plain);
                        erased = plain is null ? true : null;
                    }

                    await JsonSerializer.SerializeAsync(destination, ToExportLine(record, content, erased), AuditJsonContext.Default.AuditExportLine, cancellationToken).ConfigureAwait(false);
                    destination.WriteByte((byte)'\n');
                    count++;
                    after = record.Id;
                }

                if (rows.Count <= query.PageSize)
                {
                    break;
                }
            }

            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditExport, ex);
        }
    }

    /// <inheritdoc />
    public async Task<bool> EraseSubjectAsync(string phoneNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        try
        {
            var pseudonym = Pseudonymize(await _keys.GetPepperAsync(cancellationToken).ConfigureAwait(false), MessageValidator.NormalizeRecipient(phoneNumber));
            return await _store.DeleteSubjectKeyAsync(pseudonym, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditErase, ex);
        }
    }

    /// <inheritdoc />
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var now = _timeProvider.GetUtcNow();
            var total = 0;
            var key = await _keys.GetChainKeyAsync(_options.KeyId, cancellationToken).ConfigureAwait(false);
            foreach (var chain in await _store.GetChainsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (AuditChains.ClassOf(chain) is not { } recordClass)
                {
                    continue;
                }

                var (sequence, link) = await _store.FindPurgeBoundaryAsync(chain, now - GetRetention(recordClass), cancellationToken).ConfigureAwait(false);
                if (sequence <= 0)
                {
                    continue;
                }

                var anchor = AuditCheckpointSigner.Sign(chain, sequence, link, AuditCheckpointKind.PurgeAnchor, now, _options.KeyId, key);
                var deleted = await _store.PurgeAsync(anchor, cancellationToken).ConfigureAwait(false);
                if (deleted == 0)
                {
                    continue;
                }

                NotifyCheckpoint(anchor);
                total += deleted;
                LogPurged(_logger, chain, deleted, sequence);
                await AppendAsync(
                    AuditRecordClass.Retention, AuditRecordPhase.Event, null, null, null, "retention.purge", "Purged", null, null, chain, null, null, null,
                    string.Create(CultureInfo.InvariantCulture, $"{deleted} records through #{sequence}"), default, cancellationToken).ConfigureAwait(false);
            }

            return total;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.RetentionManage, ex);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditCheckpoint>> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var written = new List<AuditCheckpoint>();
            foreach (var chain in await _store.GetChainsAsync(cancellationToken).ConfigureAwait(false))
            {
                var (sequence, link) = await _store.GetHeadAsync(chain, cancellationToken).ConfigureAwait(false);
                if (!_lastCheckpoint.TryGetValue(chain, out var last))
                {
                    var existing = await _store.GetCheckpointsAsync(chain, cancellationToken).ConfigureAwait(false);
                    last = existing.Count == 0 ? 0 : existing.Max(static c => c.Sequence);
                }

                if (sequence > last)
                {
                    written.Add(await WriteCheckpointAsync(chain, sequence, link, cancellationToken).ConfigureAwait(false));
                }
            }

            return written;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditRead, ex);
        }
    }

    /// <inheritdoc />
    public async Task SetRetentionAsync(AuditRecordClass recordClass, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.FromDays(1));
        var previous = GetRetention(recordClass);
        await RecordAsync(
            new AuditEvent
            {
                RecordClass = AuditRecordClass.Retention,
                Operation = "retention.change",
                Outcome = "Changed",
                TargetId = AuditChains.Name(recordClass),
                Detail = string.Create(CultureInfo.InvariantCulture, $"{previous.TotalDays:0.##} days -> {retention.TotalDays:0.##} days"),
                Operator = OperationPipelineOperator(),
            },
            cancellationToken).ConfigureAwait(false);
        _retention[recordClass] = retention;
    }

    /// <summary>The retention in force for <paramref name="recordClass"/> in this instance.</summary>
    /// <param name="recordClass">The record class.</param>
    /// <returns>The period.</returns>
    public TimeSpan GetRetention(AuditRecordClass recordClass) =>
        _retention.TryGetValue(recordClass, out var period) ? period : AuditOptions.DefaultRetention;

    /// <inheritdoc />
    public async ValueTask<string> PseudonymizeAsync(string phoneNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        try
        {
            return Pseudonymize(await _keys.GetPepperAsync(cancellationToken).ConfigureAwait(false), MessageValidator.NormalizeRecipient(phoneNumber));
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            throw new WhatsAppAuditUnavailableException(WhatsAppPermissions.AuditRead, ex);
        }
    }

    /// <summary>Writes the record of a governed operation (the audit policy).</summary>
    internal Task<AuditRecord> AppendOperationAsync(WhatsAppOperationContext context, AuditRecordPhase phase, string operationId, WhatsAppOperationOutcome? outcome, CancellationToken cancellationToken)
    {
        var content = phase != AuditRecordPhase.Outcome && _options.RecordContent && context.Payload is WhatsAppMessage message
            ? JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(message), MessagesJsonContext.Wire.MessageRequest)
            : default(ReadOnlyMemory<byte>);
        return AppendAsync(
            AuditChains.ClassOfPermission(context.Permission),
            phase,
            operationId,
            context.Operator,
            context.Recipient,
            context.Permission,
            outcome?.Kind.ToString(),
            outcome?.GraphErrorCode,
            context.MessageId,
            context.TargetId,
            context.TemplateName,
            context.TemplateCategory,
            context.TraceId,
            phase == AuditRecordPhase.Outcome ? null : context.MessageType,
            content,
            cancellationToken);
    }

    /// <summary>Logs, counts and reports a record that could not be written.</summary>
    internal void ReportFailure(string operation, AuditRecordPhase phase, bool failClosed, Exception exception)
    {
        var type = exception.GetType().Name;
        LogWriteFailed(_logger, phase, operation, failClosed, type);
        AuditMetrics.WriteFailures.Add(1, new KeyValuePair<string, object?>("phase", phase.ToString()), new KeyValuePair<string, object?>("refused", failClosed));
        if (phase == AuditRecordPhase.Outcome)
        {
            AuditMetrics.OutcomeUnknown.Add(1);
        }

        var failure = new AuditWriteFailure(operation, phase, failClosed, type);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnAuditWriteFailed(failure);
            }
            catch (Exception ex)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    internal static bool IsStoreFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not WhatsAppAuditUnavailableException and not ArgumentException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested);

    private static WhatsAppOperator? OperationPipelineOperator() => Governance.Internal.OperationPipeline.Current?.Operator;

    private async Task<AuditRecord> AppendAsync(
        AuditRecordClass recordClass,
        AuditRecordPhase phase,
        string? operationId,
        WhatsAppOperator? @operator,
        string? normalizedSubject,
        string operation,
        string? outcome,
        int? graphErrorCode,
        string? messageId,
        string? targetId,
        string? templateName,
        string? templateCategory,
        string? traceId,
        string? detail,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken)
    {
        var keyId = _options.KeyId;
        var key = await _keys.GetChainKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        string? pseudonym = null;
        string? masked = null;
        if (normalizedSubject is { Length: > 0 })
        {
            pseudonym = Pseudonymize(await _keys.GetPepperAsync(cancellationToken).ConfigureAwait(false), normalizedSubject);
            masked = PiiMasker.MaskPhoneNumber("+" + normalizedSubject);
        }

        byte[]? encrypted = null;
        if (_options.RecordContent && pseudonym is not null && !content.IsEmpty)
        {
            encrypted = AuditContentCipher.Encrypt(await GetOrCreateSubjectKeyAsync(pseudonym, cancellationToken).ConfigureAwait(false), content.Span, pseudonym);
        }

        var chain = AuditChains.Name(recordClass);
        var timestamp = _timeProvider.GetUtcNow();
        var record = await _store.AppendAsync(
            chain,
            (sequence, previousLink) =>
            {
                var r = new AuditRecord
                {
                    Chain = chain,
                    Sequence = sequence,
                    Timestamp = timestamp,
                    RecordClass = recordClass,
                    Phase = phase,
                    OperationId = operationId,
                    OperatorId = @operator?.Id,
                    SessionId = @operator?.SessionId,
                    ClientIp = @operator?.ClientIp,
                    Operation = operation,
                    SubjectPseudonym = pseudonym,
                    SubjectMasked = masked,
                    Outcome = outcome,
                    GraphErrorCode = graphErrorCode,
                    MessageId = messageId,
                    TargetId = targetId,
                    TemplateName = templateName,
                    TemplateCategory = templateCategory,
                    TraceId = traceId,
                    Detail = detail,
                    EncryptedContent = encrypted,
                    KeyId = keyId,
                    PreviousLink = previousLink,
                };
                r.Seal(AuditCanonical.ComputeLink(key, r, previousLink));
                return r;
            },
            cancellationToken).ConfigureAwait(false);

        if (AuditMetrics.Records.Enabled)
        {
            AuditMetrics.Records.Add(1, new KeyValuePair<string, object?>("class", chain));
        }

        if (_options.CheckpointEvery > 0 && record.Sequence % _options.CheckpointEvery == 0)
        {
            try
            {
                await WriteCheckpointAsync(chain, record.Sequence, record.Link, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                // The record is written; the timer writes the next checkpoint.
                LogCheckpointFailed(_logger, chain, ex.GetType().Name);
            }
        }

        return record;
    }

    private async Task<AuditCheckpoint> WriteCheckpointAsync(string chain, long sequence, byte[] link, CancellationToken cancellationToken)
    {
        var key = await _keys.GetChainKeyAsync(_options.KeyId, cancellationToken).ConfigureAwait(false);
        var checkpoint = AuditCheckpointSigner.Sign(chain, sequence, link, AuditCheckpointKind.Checkpoint, _timeProvider.GetUtcNow(), _options.KeyId, key);
        await _store.AddCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        _lastCheckpoint.AddOrUpdate(chain, sequence, (_, old) => Math.Max(old, sequence));
        NotifyCheckpoint(checkpoint);
        return checkpoint;
    }

    private void NotifyCheckpoint(AuditCheckpoint checkpoint)
    {
        foreach (var observer in _checkpointObservers)
        {
            try
            {
                observer.OnCheckpoint(checkpoint);
            }
            catch (Exception ex)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    private async Task<(long Count, AuditChainBreak? Break)> VerifyChainAsync(string chain, AuditVerificationRange? range, Dictionary<string, byte[]?> keys, CancellationToken cancellationToken)
    {
        var stored = await _store.GetCheckpointsAsync(chain, cancellationToken).ConfigureAwait(false);
        var checkpoints = range?.ExternalCheckpoints is { Count: > 0 } external
            ? stored.Concat(external.Where(c => string.Equals(c.Chain, chain, StringComparison.Ordinal))).ToList()
            : stored;
        foreach (var checkpoint in checkpoints)
        {
            var kid = AuditCheckpointSigner.ReadKeyId(checkpoint.Jws);
            var key = kid is null ? null : await GetVerificationKeyAsync(kid, keys, cancellationToken).ConfigureAwait(false);
            var problem = key is null ? "it names no audit key the secret provider has" : await AuditCheckpointSigner.CheckAsync(checkpoint, kid!, key).ConfigureAwait(false);
            if (problem is not null)
            {
                return (0, new AuditChainBreak(chain, checkpoint.Sequence, AuditBreakKind.InvalidCheckpoint, $"The {checkpoint.Kind} at #{checkpoint.Sequence} is not valid: {problem}.", checkpoint.Sequence));
            }
        }

        var anchor = checkpoints.Where(static c => c.Kind == AuditCheckpointKind.PurgeAnchor).MaxBy(static c => c.Sequence);
        var expectedSequence = (anchor?.Sequence ?? 0) + 1;
        var expectedPrevious = anchor?.Link ?? [];
        var trustFirst = false;
        if (range?.FromSequence is { } from && from > expectedSequence)
        {
            expectedSequence = from;
            trustFirst = true;
        }

        var byCheckpoint = checkpoints.Where(static c => c.Kind == AuditCheckpointKind.Checkpoint).GroupBy(static c => c.Sequence).ToDictionary(static g => g.Key, static g => g.First().Link);
        long count = 0;
        long last = expectedSequence - 1;
        await foreach (var record in _store.ReadChainAsync(chain, expectedSequence, range?.ToSequence, cancellationToken).ConfigureAwait(false))
        {
            var key = await GetVerificationKeyAsync(record.KeyId, keys, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return (count, new AuditChainBreak(chain, record.Sequence, AuditBreakKind.UnknownKey, $"Record #{record.Sequence} names audit key '{record.KeyId}', which the secret provider does not have."));
            }

            if (!AuditCanonical.Verify(key, record))
            {
                return (count, new AuditChainBreak(chain, record.Sequence, AuditBreakKind.Edited, $"Record #{record.Sequence} does not match its link: its content or link was changed."));
            }

            if (record.Sequence != expectedSequence)
            {
                var missing = record.Sequence - expectedSequence;
                return (count, new AuditChainBreak(chain, expectedSequence, AuditBreakKind.Deleted, $"Records #{expectedSequence} to #{record.Sequence - 1} are missing ({missing} deleted)."));
            }

            if (trustFirst)
            {
                expectedPrevious = record.PreviousLink;
                trustFirst = false;
            }

            if (!CryptographicOperations.FixedTimeEquals(record.PreviousLink, expectedPrevious))
            {
                var kind = expectedSequence == 1 && record.PreviousLink.Length > 0 ? AuditBreakKind.Deleted : AuditBreakKind.Reordered;
                var text = kind == AuditBreakKind.Deleted
                    ? $"Record #{record.Sequence} continues a chain whose earlier records were removed without a purge anchor."
                    : $"Record #{record.Sequence} is intact but does not follow record #{record.Sequence - 1}: records were reordered (or removed and renumbered).";
                return (count, new AuditChainBreak(chain, record.Sequence, kind, text));
            }

            if (byCheckpoint.TryGetValue(record.Sequence, out var signedLink) && !CryptographicOperations.FixedTimeEquals(signedLink, record.Link))
            {
                return (count, new AuditChainBreak(chain, record.Sequence, AuditBreakKind.InvalidCheckpoint, $"Record #{record.Sequence} differs from the signed checkpoint at that place.", record.Sequence));
            }

            expectedPrevious = record.Link;
            expectedSequence++;
            last = record.Sequence;
            count++;
        }

        if (range?.ToSequence is null)
        {
            var latest = checkpoints.Where(static c => c.Kind == AuditCheckpointKind.Checkpoint).Select(static c => c.Sequence).DefaultIfEmpty(0).Max();
            if (latest > last)
            {
                return (count, new AuditChainBreak(chain, last + 1, AuditBreakKind.TailTruncated, $"The chain ends at #{last}, before its signed checkpoint #{latest}: the tail after #{last} was removed.", latest));
            }
        }

        return (count, null);
    }

    private async Task<byte[]?> GetVerificationKeyAsync(string keyId, Dictionary<string, byte[]?> keys, CancellationToken cancellationToken)
    {
        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        try
        {
            key = await _keys.GetChainKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretNotFoundException)
        {
            key = null;
        }

        keys[keyId] = key;
        return key;
    }

    private async Task<byte[]> GetOrCreateSubjectKeyAsync(string pseudonym, CancellationToken cancellationToken)
    {
        var kekId = _options.ContentKeyId;
        var kek = await _keys.GetContentKeyAsync(kekId, cancellationToken).ConfigureAwait(false);
        var existing = await _store.GetSubjectKeyAsync(pseudonym, cancellationToken).ConfigureAwait(false);
        if (existing is { } found)
        {
            return Unwrap(found.KeyId == kekId ? kek : await _keys.GetContentKeyAsync(found.KeyId, cancellationToken).ConfigureAwait(false), found.WrappedKey, pseudonym);
        }

        var fresh = AuditContentCipher.NewSubjectKey();
        var stored = await _store.GetOrAddSubjectKeyAsync(pseudonym, kekId, AuditContentCipher.Encrypt(kek, fresh, pseudonym), cancellationToken).ConfigureAwait(false);
        return Unwrap(stored.KeyId == kekId ? kek : await _keys.GetContentKeyAsync(stored.KeyId, cancellationToken).ConfigureAwait(false), stored.WrappedKey, pseudonym);
    }

    private async Task<byte[]?> ReadSubjectKeyAsync(string pseudonym, CancellationToken cancellationToken)
    {
        var existing = await _store.GetSubjectKeyAsync(pseudonym, cancellationToken).ConfigureAwait(false);
        if (existing is not { } found)
        {
            return null;
        }

        var kek = await _keys.GetContentKeyAsync(found.KeyId, cancellationToken).ConfigureAwait(false);
        return AuditContentCipher.Decrypt(kek, found.WrappedKey, pseudonym);
    }

    private static byte[] Unwrap(byte[] kek, byte[] wrapped, string pseudonym) =>
        AuditContentCipher.Decrypt(kek, wrapped, pseudonym) ?? throw new CryptographicException("A subject key does not decrypt under the audit content key.");

    private static string Pseudonymize(byte[] pepper, string normalized)
    {
        var max = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        Span<byte> input = max <= 256 ? stackalloc byte[256] : new byte[max];
        var length = Encoding.UTF8.GetBytes(normalized, input);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(pepper, input[..length], mac);
        return Convert.ToHexString(mac);
    }

    private static AuditExportLine ToExportLine(AuditRecord r, string? content, bool? erased) => new()
    {
        Chain = r.Chain,
        Sequence = r.Sequence,
        Timestamp = r.Timestamp,
        RecordClass = r.RecordClass.ToString(),
        Phase = r.Phase.ToString(),
        Operation = r.Operation,
        OperationId = r.OperationId,
        OperatorId = r.OperatorId,
        SessionId = r.SessionId,
        ClientIp = r.ClientIp,
        SubjectPseudonym = r.SubjectPseudonym,
        SubjectMasked = r.SubjectMasked,
        Outcome = r.Outcome,
        GraphErrorCode = r.GraphErrorCode,
        MessageId = r.MessageId,
        TargetId = r.TargetId,
        TemplateName = r.TemplateName,
        TemplateCategory = r.TemplateCategory,
        TraceId = r.TraceId,
        Detail = r.Detail,
        Content = content,
        ContentErased = erased,
    };

    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "Audit {Phase} record of {Operation} could not be written (refused: {Refused}; {ExceptionType})")]
    private static partial void LogWriteFailed(ILogger logger, AuditRecordPhase phase, string operation, bool refused, string exceptionType);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Audit checkpoint of chain {Chain} could not be written ({ExceptionType})")]
    private static partial void LogCheckpointFailed(ILogger logger, string chain, string exceptionType);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Audit retention purged {Count} records of chain {Chain} through #{Sequence}")]
    private static partial void LogPurged(ILogger logger, string chain, int count, long sequence);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Audit failure observer {Observer} threw {ExceptionType}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string exceptionType);
}
