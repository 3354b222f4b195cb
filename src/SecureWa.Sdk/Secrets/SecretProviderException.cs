using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Secrets;

/// <summary>A secret could not be obtained or is unusable. The message names the secret's logical name, never its value.</summary>
public class SecretProviderException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="secretName">The logical name of the secret.</param>
    /// <param name="message">What went wrong; must not contain the secret.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SecretProviderException(string secretName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        SecretName = secretName;
    }

    /// <summary>The logical name of the secret (see <see cref="SecretNames"/>).</summary>
    public string SecretName { get; }
}
