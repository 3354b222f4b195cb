namespace SecureWa.Sdk.Errors;

/// <summary>
/// The base of every exception the SDK throws on purpose. Messages never contain a secret, a raw
/// response body or an unmasked phone number.
/// </summary>
public class WhatsAppException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public WhatsAppException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WhatsAppException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="requestState">Whether the request reached the Cloud API.</param>
    public WhatsAppException(string message, Exception? innerException, WhatsAppRequestState requestState)
        : base(message, innerException)
    {
        RequestState = requestState;
    }

    /// <summary>
    /// Whether the failed call's request reached the Cloud API: <see cref="WhatsAppRequestState.NotSent"/> (safe to try
    /// again), <see cref="WhatsAppRequestState.Unknown"/> (a resend may duplicate it) or <see cref="WhatsAppRequestState.Received"/>.
    /// </summary>
    public WhatsAppRequestState RequestState { get; }
}
