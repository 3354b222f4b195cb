using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Audit;

/// <summary>
/// Reads, exports, verifies, erases and purges the audit trail on behalf of an operator. Obtain it from
/// <see cref="WhatsAppClient.Audit"/> (or <c>client.ForOperator(op).Audit</c>): every call needs its permission and is
/// itself audited (record class <see cref="AuditRecordClass.AuditAccess"/> or <see cref="AuditRecordClass.Retention"/>).
/// </summary>
/// <remarks>Needs <c>services.AddSecureWaAudit(...)</c>. Thread-safe and stateless.</remarks>
public class AuditClient
{
    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected AuditClient()
    {
    }

    internal AuditClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
    }

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This AuditClient was created for mocking; override the members you call.");

    /// <summary>One page of records matching <paramref name="query"/>.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The page size or continuation token is invalid.</exception>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read, or this read could not be audited.</exception>
    [WhatsAppPermission(WhatsAppPermissions.AuditRead)]
    public virtual Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Run(WhatsAppPermissions.AuditRead, query, static (trail, q, ct) => trail.QueryAsync(q, ct), cancellationToken, static (q, ctx) => ctx.Recipient = Normalize(q.RecipientPhoneNumber));
    }

    /// <summary>Verifies the chains and reports the first break.</summary>
    /// <param name="range">What to check; everything when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read, or this check could not be audited.</exception>
    [WhatsAppPermission(WhatsAppPermissions.AuditRead)]
    public virtual Task<AuditVerificationResult> VerifyAsync(AuditVerificationRange? range = null, CancellationToken cancellationToken = default) =>
        Run(WhatsAppPermissions.AuditRead, range, static (trail, r, ct) => trail.VerifyAsync(r, ct), cancellationToken);

    /// <summary>Writes one person's records as JSON lines (right of access).</summary>
    /// <param name="phoneNumber">The person's phone number.</param>
    /// <param name="destination">Where the lines go; not disposed.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>How many records were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot be read, or this export could not be audited.</exception>
    [WhatsAppPermission(WhatsAppPermissions.AuditExport)]
    public virtual Task<int> ExportSubjectAsync(string phoneNumber, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        ArgumentNullException.ThrowIfNull(destination);
        return Run(WhatsAppPermissions.AuditExport, (Phone: phoneNumber, Destination: destination), static (trail, s, ct) => trail.ExportSubjectAsync(s.Phone, s.Destination, ct), cancellationToken, static (s, ctx) => ctx.Recipient = Normalize(s.Phone));
    }

    /// <summary>Erases one person (crypto-shredding of their encrypted content); the chain still verifies.</summary>
    /// <param name="phoneNumber">The person's phone number.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns><see langword="true"/> when a key was deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="phoneNumber"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot write, or this erasure could not be audited.</exception>
    [WhatsAppPermission(WhatsAppPermissions.AuditErase)]
    public virtual Task<bool> EraseSubjectAsync(string phoneNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumber);
        return Run(WhatsAppPermissions.AuditErase, phoneNumber, static (trail, p, ct) => trail.EraseSubjectAsync(p, ct), cancellationToken, static (p, ctx) => ctx.Recipient = Normalize(p));
    }

    /// <summary>Purges expired records now (the hosted service also does it on its interval).</summary>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many records were deleted.</returns>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The store cannot write, or this purge could not be audited.</exception>
    [WhatsAppPermission(WhatsAppPermissions.RetentionManage)]
    public virtual Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) =>
        Run(WhatsAppPermissions.RetentionManage, 0, static (trail, _, ct) => trail.PurgeExpiredAsync(ct), cancellationToken);

    /// <summary>Changes the retention of a record class for this instance (configure it for a lasting change); the change is recorded.</summary>
    /// <param name="recordClass">The class.</param>
    /// <param name="retention">The period, at least one day.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>A task that completes when the change is recorded and applied.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retention"/> is under one day.</exception>
    /// <exception cref="InvalidOperationException">The audit trail is not configured.</exception>
    /// <exception cref="WhatsAppAuditUnavailableException">The change could not be recorded.</exception>
    [WhatsAppPermission(WhatsAppPermissions.RetentionManage)]
    public virtual Task SetRetentionAsync(AuditRecordClass recordClass, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.FromDays(1));
        return Run(
            WhatsAppPermissions.RetentionManage,
            (Class: recordClass, Retention: retention),
            static async (trail, s, ct) =>
            {
                await trail.SetRetentionAsync(s.Class, s.Retention, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken,
            static (s, ctx) => ctx.TargetId = AuditChains.Name(s.Class));
    }

    private static string? Normalize(string? phoneNumber) => phoneNumber is { Length: > 0 } ? MessageValidator.NormalizeRecipient(phoneNumber) : null;

    private Task<T> Run<TState, T>(string permission, TState state, Func<AuditTrail, TState, CancellationToken, Task<T>> body, CancellationToken cancellationToken, Action<TState, WhatsAppOperationContext>? describe = null)
    {
        var invoker = Invoker;
        var trail = invoker.Governance.Policies.OfType<AuditPolicy>().FirstOrDefault()?.Trail
            ?? throw new InvalidOperationException("The audit trail is not configured: call services.AddSecureWaAudit(...).UseSqlite(...) (or .UsePostgreSql(...)).");
        return invoker.RunAsync(permission, (Trail: trail, State: state, Body: body), static (s, _, ct) => s.Body(s.Trail, s.State, ct), cancellationToken, describe is null ? null : (s, ctx) => describe(s.State, ctx));
    }
}
