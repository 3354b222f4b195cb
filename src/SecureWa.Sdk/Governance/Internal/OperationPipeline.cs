using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureWa.Sdk.Governance.Internal;

/// <summary>
/// The ordered governance policies of a client. With none configured it is <see cref="Empty"/> and an operation runs
/// its body directly, allocating nothing. Thread-safe (immutable).
/// </summary>
internal sealed partial class OperationPipeline
{
    public static readonly OperationPipeline Empty = new([], null, TimeProvider.System, NullLogger.Instance);

    private static readonly AsyncLocal<WhatsAppOperationContext?> CurrentContext = new();

    private readonly WhatsAppOperationPolicy[] _policies;
    private readonly ILogger _logger;

    public OperationPipeline(IEnumerable<WhatsAppOperationPolicy> policies, IWhatsAppOperatorAccessor? operatorAccessor, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = policies.OrderBy(static p => p.Order).ToArray();
        _logger = logger;
        OperatorAccessor = operatorAccessor;
        TimeProvider = timeProvider;
    }

    public bool IsEmpty => _policies.Length == 0;

    /// <summary>The governed operation running in this execution context (only set while governance is on).</summary>
    public static WhatsAppOperationContext? Current => CurrentContext.Value;

    public IWhatsAppOperatorAccessor? OperatorAccessor { get; }

    public TimeProvider TimeProvider { get; }

    public IReadOnlyList<WhatsAppOperationPolicy> Policies => _policies;

    /// <summary>Creates the context of one operation for <paramref name="boundOperator"/> or the ambient operator.</summary>
    public WhatsAppOperationContext CreateContext(string permission, WhatsAppOperator? boundOperator) =>
        new(permission, boundOperator ?? OperatorAccessor?.Current, TimeProvider.GetUtcNow());

    /// <summary>Runs the policies around <paramref name="body"/>; with no policies, just the body.</summary>
    /// <exception cref="Exception">Whatever a policy or the body throws; policies see the outcome first.</exception>
    public async Task<T> RunAsync<TState, T>(
        WhatsAppOperationContext context,
        TState state,
        Func<TState, WhatsAppOperationContext, CancellationToken, Task<T>> body,
        CancellationToken cancellationToken)
    {
        T result;
        var outer = CurrentContext.Value;
        CurrentContext.Value = context;
        try
        {
            foreach (var policy in _policies)
            {
                await policy.BeforeAsync(context, cancellationToken).ConfigureAwait(false);
            }

            result = await body(state, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            CurrentContext.Value = outer;
            await AfterAllAsync(context, WhatsAppOperationOutcome.From(ex)).ConfigureAwait(false);
            throw;
        }

        CurrentContext.Value = outer;

        await AfterAllAsync(context, WhatsAppOperationOutcome.From(null)).ConfigureAwait(false);
        return result;
    }

    private async Task AfterAllAsync(WhatsAppOperationContext context, WhatsAppOperationOutcome outcome)
    {
        // Every policy sees the outcome, in reverse order, with a token that is not the caller's: a cancelled call is
        // still recorded. An AfterAsync failure never replaces the operation's own result (an accepted send stays
        // accepted, so the caller does not resend it): it is logged here, and the policy itself alerts (audit: fail-open
        // metric and alert after the fact; it fails closed in BeforeAsync, before anything is sent).
        for (var i = _policies.Length - 1; i >= 0; i--)
        {
            try
            {
                await _policies[i].AfterAsync(context, outcome, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogAfterFailed(_logger, _policies[i].GetType().Name, context.Permission, outcome.Kind, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Governance policy {Policy} failed to record the outcome {Outcome} of {Permission} ({ExceptionType})")]
    private static partial void LogAfterFailed(ILogger logger, string policy, string permission, WhatsAppOperationOutcomeKind outcome, string exceptionType);
}
