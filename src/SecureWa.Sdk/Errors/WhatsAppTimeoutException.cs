namespace SecureWa.Sdk.Errors;

/// <summary>
/// A call did not complete within <see cref="Http.WhatsAppResilienceOptions.AttemptTimeout"/> (on its last attempt)
/// or <see cref="Http.WhatsAppResilienceOptions.TotalTimeout"/>. Thrown for operations that are safe to repeat, and
/// for sends that provably never left the client; the caller's own cancellation still surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public class WhatsAppTimeoutException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, such as <c>Query</c>.</param>
    /// <param name="timeout">The timeout that expired.</param>
    /// <param name="innerException">The timeout signal.</param>
    /// <param name="requestState">Whether the request had left the process when the time ran out.</param>
    public WhatsAppTimeoutException(string operation, TimeSpan timeout, Exception? innerException = null, WhatsAppRequestState requestState = WhatsAppRequestState.Unknown)
        : base(
            requestState == WhatsAppRequestState.NotSent
                ? $"{operation} did not complete within {timeout.TotalSeconds:0.###} s; nothing was sent (it was still waiting for a rate-limit permit or a secret)."
                : $"{operation} did not complete within {timeout.TotalSeconds:0.###} s.",
            innerException,
            requestState)
    {
        Operation = operation;
        Timeout = timeout;
    }

    /// <summary>The operation, such as <c>Query</c> or <c>DownloadMedia</c>.</summary>
    public string Operation { get; }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
