namespace SecureWa.Sdk.Http.Internal;

/// <summary>What an attempt's outcome means for retrying, duplicate safety and the circuit breaker.</summary>
internal enum FailureKind
{
    /// <summary>Success: nothing to handle.</summary>
    None = 0,

    /// <summary>The request provably never reached Meta (no connection, TLS failed first): safe to retry, counts for the breaker.</summary>
    NotSent,

    /// <summary>The request was refused before it was sent (timed out waiting for a client-side permit): not retried, not a server failure.</summary>
    NotSentTimeout,

    /// <summary>Meta throttled the call (HTTP 429, codes 4, 80007, 130429, 17, 32, 613): it was not accepted; retry with backoff.</summary>
    Throttled,

    /// <summary>Meta's pair rate limit (131056): not accepted; retry with a longer backoff.</summary>
    RecipientThrottled,

    /// <summary>
    /// A server or transport failure after the request may have reached Meta (5xx, 408, codes 1/2/131000/131016,
    /// attempt timeout, connection lost after sending). Retried for idempotent calls; ambiguous for sends.
    /// </summary>
    Transient,

    /// <summary>A business or client error (100, 131047, 131026, 131051, 133010, 368, 190, other 4xx, local failures): never retried.</summary>
    Permanent,
}
