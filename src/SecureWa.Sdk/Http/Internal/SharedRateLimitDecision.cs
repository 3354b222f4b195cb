namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// What a <see cref="SharedRateLimiter"/> decided: go after <see cref="Wait"/> (zero: at once), refuse with
/// <see cref="RetryAfter"/> and a reason (<c>max_wait</c>, <c>queue_full</c>, <c>store_unavailable</c>), or apply
/// <see cref="LocalOptions"/> with the process's own limiters (the shared state is unreachable).
/// </summary>
internal readonly struct SharedRateLimitDecision
{
    private SharedRateLimitDecision(bool acquired, TimeSpan wait, TimeSpan retryAfter, string? reason, WhatsAppRateLimitOptions? localOptions)
    {
        Acquired = acquired;
        Wait = wait;
        RetryAfter = retryAfter;
        Reason = reason;
        LocalOptions = localOptions;
    }

    public bool Acquired { get; }

    public TimeSpan Wait { get; }

    public TimeSpan RetryAfter { get; }

    public string? Reason { get; }

    public WhatsAppRateLimitOptions? LocalOptions { get; }

    public static SharedRateLimitDecision Go(TimeSpan wait) => new(true, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, TimeSpan.Zero, null, null);

    public static SharedRateLimitDecision Refuse(TimeSpan retryAfter, string reason) => new(false, TimeSpan.Zero, retryAfter, reason, null);

    public static SharedRateLimitDecision UseLocal(WhatsAppRateLimitOptions localOptions) => new(false, TimeSpan.Zero, TimeSpan.Zero, null, localOptions);
}
