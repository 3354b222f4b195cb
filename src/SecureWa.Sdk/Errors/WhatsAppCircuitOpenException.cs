namespace SecureWa.Sdk.Errors;

/// <summary>
/// The circuit breaker is open after sustained server or connection failures, so the call failed fast
/// without touching the network. Nothing was sent; try again after <see cref="RetryAfter"/>.
/// </summary>
public class WhatsAppCircuitOpenException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that was refused.</param>
    /// <param name="retryAfter">When the circuit will let a trial call through, if known.</param>
    /// <param name="innerException">The breaker's signal.</param>
    public WhatsAppCircuitOpenException(string operation, TimeSpan? retryAfter, Exception? innerException = null)
        : base($"{operation} was not sent: the circuit breaker is open after repeated server or connection failures of the WhatsApp Cloud API.", innerException)
    {
        Operation = operation;
        RetryAfter = retryAfter;
    }

    /// <summary>The operation that was refused.</summary>
    public string Operation { get; }

    /// <summary>How long until the circuit lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
