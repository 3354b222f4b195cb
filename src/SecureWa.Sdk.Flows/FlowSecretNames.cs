namespace SecureWa.Sdk.Flows;

/// <summary>The logical secret names the flows package asks an <see cref="Secrets.ISecretProvider"/> for (configurable in the options).</summary>
public static class FlowSecretNames
{
    /// <summary>The business private key (PEM) whose public key is registered with <c>SetBusinessPublicKeyAsync</c>.</summary>
    public const string PrivateKey = "FlowsPrivateKey";

    /// <summary>The passphrase of an encrypted (<c>-----BEGIN ENCRYPTED PRIVATE KEY-----</c>) private key; optional.</summary>
    public const string PrivateKeyPassphrase = "FlowsPrivateKeyPassphrase";

    /// <summary>The HMAC key that signs flow tokens (at least 32 characters).</summary>
    public const string FlowTokenKey = "FlowTokenKey";
}
