namespace SecureWa.Sdk.Secrets;

/// <summary>The provider has no secret under the requested logical name.</summary>
public class SecretNotFoundException : SecretProviderException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="secretName">The logical name of the secret.</param>
    /// <param name="message">What was looked for (a variable name, a path); must not contain a secret.</param>
    public SecretNotFoundException(string secretName, string message)
        : base(secretName, message)
    {
    }
}
