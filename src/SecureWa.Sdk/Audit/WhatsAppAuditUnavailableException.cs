using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Audit;

/// <summary>
/// The audit trail could not record the intent of an operation, so the operation was refused (the trail fails closed):
/// <b>nothing was sent</b>. The inner exception is the store's failure.
/// </summary>
public class WhatsAppAuditUnavailableException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation (permission name).</param>
    /// <param name="innerException">The store's failure.</param>
    public WhatsAppAuditUnavailableException(string operation, Exception? innerException)
        : base($"The audit trail could not record '{operation}', so it was refused and nothing was sent ({innerException?.GetType().Name ?? "unknown error"}).", innerException)
    {
        Operation = operation;
    }

    /// <summary>The refused operation (permission name).</summary>
    public string Operation { get; }
}
