namespace SecureWa.Sdk.Http;

/// <summary>
/// Timeouts, retries and circuit breaking, applied outer to inner as total timeout → retry → circuit
/// breaker → attempt timeout.
/// </summary>
/// <remarks>
/// Message sends are retried only when Meta provably did not take them: the connection was never
/// established, HTTP 429, or a Graph throttling code (4, 80007, 130429, 131056). An attempt timeout, a
/// connection lost after the request was written or an HTTP 5xx is ambiguous (the message may have been
/// delivered) and surfaces as <see cref="Errors.WhatsAppDeliveryUnknownException"/> unless
/// <see cref="RetryAmbiguousSends"/> is set. Media uploads follow the same rule. Queries, deletes, downloads
/// and read receipts are also retried on 408, 5xx and the transient Graph codes 1 and 2.
/// </remarks>
public sealed class WhatsAppResilienceOptions
{
    /// <summary>The longest a call may take, all attempts and waits included. Default 60 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest one attempt may take (waiting for a rate-limit permit included). Default 20 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt. Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised so that clients do not retry in lockstep. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The first delay after Meta's pair rate limit (131056: too many messages to one recipient); it doubles
    /// per retry, up to <see cref="MaxDelay"/>. Default 6 seconds.
    /// </summary>
    public TimeSpan RecipientThrottleDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// A <c>Retry-After</c> longer than this is not waited for: the throttling error is returned to the caller
    /// at once. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retry message sends whose outcome is unknown (timeout, connection lost after sending, 5xx). Off by
    /// default: a retry may deliver the same message twice. Turn it on only if duplicates are acceptable.
    /// </summary>
    public bool RetryAmbiguousSends { get; set; }

    /// <summary>The share of failed calls within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls within <see cref="CircuitBreakerSamplingDuration"/> before the circuit may open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls without sending them. Default 15 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal void Validate(ICollection<string> failures)
    {
        if (TotalTimeout < TimeSpan.FromMilliseconds(10) || TotalTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("Resilience.TotalTimeout must be between 10 milliseconds and 1 hour.");
        }

        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("Resilience.AttemptTimeout must be between 10 milliseconds and 1 hour.");
        }

        if (AttemptTimeout > TotalTimeout)
        {
            failures.Add("Resilience.AttemptTimeout must not be longer than Resilience.TotalTimeout.");
        }

        if (MaxRetries is < 0 or > 100)
        {
            failures.Add("Resilience.MaxRetries must be between 0 and 100.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromHours(1))
        {
            failures.Add("Resilience.BaseDelay must be between 0 and 1 hour.");
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromHours(1))
        {
            failures.Add("Resilience.MaxDelay must be at least Resilience.BaseDelay and at most 1 hour.");
        }

        if (RecipientThrottleDelay < TimeSpan.Zero || RecipientThrottleDelay > TimeSpan.FromHours(1))
        {
            failures.Add("Resilience.RecipientThrottleDelay must be between 0 and 1 hour.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("Resilience.MaxRetryAfter must not be negative.");
        }

        if (!(CircuitBreakerFailureRatio > 0 && CircuitBreakerFailureRatio <= 1))
        {
            failures.Add("Resilience.CircuitBreakerFailureRatio must be greater than 0 and at most 1.");
        }

        if (CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add("Resilience.CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || CircuitBreakerSamplingDuration > TimeSpan.FromDays(1))
        {
            failures.Add("Resilience.CircuitBreakerSamplingDuration must be between 500 milliseconds and 1 day.");
        }

        if (CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) || CircuitBreakerBreakDuration > TimeSpan.FromDays(1))
        {
            failures.Add("Resilience.CircuitBreakerBreakDuration must be between 500 milliseconds and 1 day.");
        }
    }
}
