namespace SecureWa.Sdk.Errors;

/// <summary>
/// The call failed in transport (connection refused or lost, the response broke off) after the SDK's retries.
/// <see cref="WhatsAppException.RequestState"/> says whether the request may have reached the Cloud API; the original
/// .NET exception is the inner exception.
/// </summary>
public class WhatsAppTransportException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, such as <c>Query</c>.</param>
    /// <param name="fault">What went wrong, without personal data (<c>connection refused</c>).</param>
    /// <param name="requestState">Whether the request may have reached the Cloud API.</param>
    /// <param name="innerException">The transport failure.</param>
    public WhatsAppTransportException(string operation, string fault, WhatsAppRequestState requestState, Exception? innerException = null)
        : base(BuildMessage(operation, fault, requestState), innerException, requestState)
    {
        Operation = operation;
        Fault = fault;
    }

    /// <summary>The operation, such as <c>Query</c> or <c>SendMessage</c>.</summary>
    public string Operation { get; }

    /// <summary>What went wrong, without personal data.</summary>
    public string Fault { get; }

    private static string BuildMessage(string operation, string fault, WhatsAppRequestState state) => state switch
    {
        WhatsAppRequestState.NotSent => $"{operation} failed ({fault}); the request was not sent.",
        WhatsAppRequestState.Received => $"{operation} failed ({fault}) after the Cloud API received the request.",
        _ => $"{operation} failed ({fault}); the request may have reached the Cloud API.",
    };
}
