namespace SecureWa.Sdk.Webhooks;

/// <summary>The outcome of <see cref="WebhookSignatureVerifier.Verify"/>.</summary>
public enum WebhookSignatureResult
{
    /// <summary>The signature matches the body under one of the configured app secrets.</summary>
    Valid = 0,

    /// <summary>No <c>X-Hub-Signature-256</c> header value was given (empty or white space).</summary>
    MissingHeader = 1,

    /// <summary>The header is not <c>sha256=</c> followed by exactly 64 hexadecimal digits.</summary>
    MalformedHeader = 2,

    /// <summary>The header is well formed but matches none of the configured app secrets.</summary>
    Mismatch = 3,
}
