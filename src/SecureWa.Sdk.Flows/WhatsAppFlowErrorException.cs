using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// Thrown by a flow endpoint handler to answer with one of Meta's endpoint error codes instead of a screen: the endpoint
/// answers <see cref="StatusCode"/> with the encrypted body <c>{"error_msg":…}</c>. Any other exception from a handler is
/// answered 500 without a body (and logged by type only).
/// </summary>
public sealed class WhatsAppFlowErrorException : WhatsAppException
{
    /// <summary>The flow token is no longer valid: the client closes the flow, disables its button and shows the message.</summary>
    public const int FlowTokenNoLongerValid = 427;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status, 400 to 599 (Meta defines 427; 421 and 432 the endpoint uses itself).</param>
    /// <param name="customerMessage">The message shown to the customer (<c>error_msg</c>), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not 400 to 599.</exception>
    public WhatsAppFlowErrorException(int statusCode, string? customerMessage)
        : base($"The flow endpoint handler answered HTTP {statusCode}.")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
        CustomerMessage = customerMessage;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The message shown to the customer, if any.</summary>
    public string? CustomerMessage { get; }

    /// <summary>Creates the 427 "flow token no longer valid" answer.</summary>
    /// <param name="customerMessage">The message shown to the customer, such as "This order was already placed."</param>
    /// <returns>The exception to throw.</returns>
    public static WhatsAppFlowErrorException TokenNoLongerValid(string customerMessage) => new(FlowTokenNoLongerValid, customerMessage);
}
