using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Webhooks;

/// <summary>Thrown by <see cref="WebhookParser.VerifyAndParse"/> when the signature does not verify; nothing was parsed.</summary>
public class WebhookSignatureException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="result">The verification result (never <see cref="WebhookSignatureResult.Valid"/>).</param>
    public WebhookSignatureException(WebhookSignatureResult result)
        : base($"The webhook signature was rejected ({result}); the body was not parsed.")
    {
        Result = result;
    }

    /// <summary>Why the signature was rejected.</summary>
    public WebhookSignatureResult Result { get; }
}
