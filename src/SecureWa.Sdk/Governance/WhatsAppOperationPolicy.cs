namespace SecureWa.Sdk.Governance;

/// <summary>
/// One step of the operation pipeline that every public SDK operation goes through, above the HTTP pipeline and
/// therefore out of reach of any HTTP handler: authorize → consent → audit intent → (the call) → audit outcome → detectors.
/// </summary>
/// <remarks>
/// <see cref="BeforeAsync"/> runs in ascending <see cref="Order"/> before any I/O; throwing refuses the operation (throw a
/// <see cref="Errors.WhatsAppException"/> implementing <see cref="IWhatsAppPolicyRefusal"/>). <see cref="AfterAsync"/> runs
/// for <b>every</b> policy in descending order once the operation ended, also when an earlier policy refused it (so a
/// denial is audited); a policy whose <see cref="BeforeAsync"/> did not run can tell from
/// <see cref="WhatsAppOperationContext.Items"/>. Policies are singletons: thread-safe, no per-call state outside the context.
/// </remarks>
public abstract class WhatsAppOperationPolicy
{
    /// <summary>Where the policy runs; see <see cref="WhatsAppOperationPolicyOrder"/>.</summary>
    public abstract int Order { get; }

    /// <summary>Runs before the operation does any I/O.</summary>
    /// <param name="context">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the policy allows the operation.</returns>
    public virtual ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken) => default;

    /// <summary>Runs after the operation ended (accepted, refused or failed).</summary>
    /// <param name="context">The operation.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="cancellationToken">A token that is not the caller's (the outcome is recorded even when the caller cancelled).</param>
    /// <returns>A task that completes when the policy recorded the outcome.</returns>
    public virtual ValueTask AfterAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome, CancellationToken cancellationToken) => default;
}
