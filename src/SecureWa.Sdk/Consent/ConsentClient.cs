using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// Manages consent records (opt-in, double opt-in confirmation, opt-out, status, history, export, erasure). Every
/// operation needs <see cref="WhatsAppPermissions.ConsentManage"/> and runs through the governance pipeline, so access
/// control and the audit trail see it. Resolve it from DI after <c>AddSecureWaConsent</c>.
/// </summary>
public class ConsentClient
{
    private readonly IConsentLedger? _ledger;
    private readonly OperationPipeline _governance = OperationPipeline.Empty;
    private readonly WhatsAppOperator? _operator;

    /// <summary>For mocking.</summary>
    protected ConsentClient()
    {
    }

    internal ConsentClient(IConsentLedger ledger, OperationPipeline? governance, WhatsAppOperator? boundOperator = null)
    {
        _ledger = ledger;
        _governance = governance ?? OperationPipeline.Empty;
        _operator = boundOperator;
    }

    /// <summary>A view of this client acting for <paramref name="operator"/> (for the access-control and audit policies).</summary>
    /// <param name="operator">The operator.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operator"/> is <see langword="null"/>.</exception>
    public virtual ConsentClient ForOperator(WhatsAppOperator @operator)
    {
        ArgumentNullException.ThrowIfNull(@operator);
        return new ConsentClient(Ledger, _governance, @operator);
    }

    /// <summary>Records an opt-in (see <see cref="IConsentLedger.RecordOptInAsync"/>).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="source">Where it came from (<see cref="ConsentSources"/>).</param>
    /// <param name="evidenceReference">The evidence reference, or <see langword="null"/>.</param>
    /// <param name="requireConfirmation">Whether the person must still confirm (double opt-in).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended record.</returns>
    /// <exception cref="WhatsAppValidationException">An argument is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<ConsentRecord> RecordOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, bool requireConfirmation = false, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, (recipient, purpose, source, evidenceReference, requireConfirmation), static (l, s, ct) => l.RecordOptInAsync(s.recipient, s.purpose, s.source, s.evidenceReference, s.requireConfirmation, ct), cancellationToken);

    /// <summary>Confirms a pending double opt-in (see <see cref="IConsentLedger.ConfirmOptInAsync"/>).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="source">Where the confirmation came from.</param>
    /// <param name="evidenceReference">The evidence reference, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the opt-in is now current.</returns>
    /// <exception cref="WhatsAppValidationException">An argument is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<bool> ConfirmOptInAsync(string recipient, string purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, (recipient, purpose, source, evidenceReference), static (l, s, ct) => l.ConfirmOptInAsync(s.recipient, s.purpose, s.source, s.evidenceReference, ct), cancellationToken);

    /// <summary>Records an opt-out of one purpose, or of all when <paramref name="purpose"/> is <see langword="null"/>.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose, or <see langword="null"/> for all.</param>
    /// <param name="source">Where it came from.</param>
    /// <param name="evidenceReference">The evidence reference, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The appended record.</returns>
    /// <exception cref="WhatsAppValidationException">An argument is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<ConsentRecord> RecordOptOutAsync(string recipient, string? purpose, string source, string? evidenceReference = null, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, (recipient, purpose, source, evidenceReference), static (l, s, ct) => l.RecordOptOutAsync(s.recipient, s.purpose, s.source, s.evidenceReference, ct), cancellationToken);

    /// <summary>The current state for one purpose.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    /// <exception cref="WhatsAppValidationException">An argument is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<ConsentState> GetStatusAsync(string recipient, string purpose, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, (recipient, purpose), static (l, s, ct) => l.GetStatusAsync(s.recipient, s.purpose, ct), cancellationToken);

    /// <summary>The person's append-only history, oldest first.</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string recipient, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, recipient, static (l, r, ct) => l.GetHistoryAsync(r, ct), cancellationToken);

    /// <summary>Writes the person's records as JSON lines (right of access).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="destination">The stream (left open).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many records were written.</returns>
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<int> ExportAsync(string recipient, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return RunAsync(recipient, (recipient, destination), static (l, s, ct) => l.ExportAsync(s.recipient, s.destination, ct), cancellationToken);
    }

    /// <summary>Erases every consent record of the person and their service-window entry (right of erasure).</summary>
    /// <param name="recipient">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many records were erased.</returns>
    /// <exception cref="WhatsAppValidationException">The recipient is invalid.</exception>
    [WhatsAppPermission(WhatsAppPermissions.ConsentManage)]
    public virtual Task<int> EraseAsync(string recipient, CancellationToken cancellationToken = default) =>
        RunAsync(recipient, recipient, static (l, r, ct) => l.EraseAsync(r, ct), cancellationToken);

    private IConsentLedger Ledger => _ledger ?? throw new InvalidOperationException("This ConsentClient was created for mocking; override its members.");

    private Task<T> RunAsync<TState, T>(string recipient, TState state, Func<IConsentLedger, TState, CancellationToken, ValueTask<T>> body, CancellationToken cancellationToken)
    {
        var ledger = Ledger;
        MessageValidator.ValidateRecipient(recipient);
        if (_governance.IsEmpty)
        {
            return body(ledger, state, cancellationToken).AsTask();
        }

        var context = _governance.CreateContext(WhatsAppPermissions.ConsentManage, _operator);
        context.Recipient = MessageValidator.NormalizeRecipient(recipient);
        return _governance.RunAsync(context, (Ledger: ledger, State: state, Body: body), static (s, _, ct) => s.Body(s.Ledger, s.State, ct).AsTask(), cancellationToken);
    }
}
