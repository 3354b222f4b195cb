using System.Net;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// A message send (or media upload) failed in a way that does not tell whether Meta accepted it: the attempt
/// timed out, the connection was lost after the request was written, or the server answered 5xx. The message
/// <b>may have been delivered</b>. The SDK did not resend it, because a resend could reach the customer twice;
/// reconcile with the message status webhooks before sending again.
/// </summary>
public class WhatsAppDeliveryUnknownException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, such as <c>SendMessage</c>.</param>
    /// <param name="fault">What went wrong last, such as <c>HTTP 500</c> or <c>timeout</c>; no personal data.</param>
    /// <param name="statusCode">The last HTTP status, if a response came.</param>
    /// <param name="apiError">The last Graph error, if the response carried one.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The last transport failure, if any.</param>
    public WhatsAppDeliveryUnknownException(string operation, string fault, HttpStatusCode? statusCode, WhatsAppApiError? apiError, int attempts, Exception? innerException = null)
        : base(BuildMessage(operation, fault, attempts), innerException, WhatsAppRequestState.Unknown)
    {
        Operation = operation;
        Fault = fault;
        StatusCode = statusCode;
        ApiError = apiError;
        Attempts = attempts;
    }

    /// <summary>The operation, such as <c>SendMessage</c> or <c>UploadMedia</c>.</summary>
    public string Operation { get; }

    /// <summary>What went wrong last, such as <c>HTTP 500</c>, <c>timeout</c> or <c>ResponseEnded</c>.</summary>
    public string Fault { get; }

    /// <summary>The last HTTP status, when a response came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The last Graph error, when the response carried one.</summary>
    public WhatsAppApiError? ApiError { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    private static string BuildMessage(string operation, string fault, int attempts) => operation switch
    {
        "UploadMedia" => $"The outcome of {operation} is unknown after {attempts} attempt(s) ({fault}): the request may have reached the WhatsApp Cloud API and the media may have been stored. It was not resent automatically.",
        "Create" => $"The outcome of {operation} is unknown after {attempts} attempt(s) ({fault}): the request may have reached the WhatsApp Cloud API and the resource may have been created (or the code sent). It was not resent automatically; list or read the resource before trying again.",
        _ => $"The outcome of {operation} is unknown after {attempts} attempt(s) ({fault}): the request may have reached the WhatsApp Cloud API and the message may have been delivered. It was not resent automatically; reconcile with the message status webhooks before sending it again.",
    };
}
