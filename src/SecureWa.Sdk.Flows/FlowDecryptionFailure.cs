namespace SecureWa.Sdk.Flows;

/// <summary>Why a flow data exchange request could not be decrypted (the endpoint answers HTTP 421 for all of them).</summary>
public enum FlowDecryptionFailure
{
    /// <summary>The envelope is not <c>{encrypted_flow_data, encrypted_aes_key, initial_vector}</c> with base64 values.</summary>
    MalformedEnvelope = 1,

    /// <summary>The AES key could not be unwrapped with the private key (another key, or tampered).</summary>
    KeyUnwrapFailed,

    /// <summary>The unwrapped AES key is not 16 bytes (AES-128).</summary>
    InvalidKeyLength,

    /// <summary>The initial vector is not 16 bytes.</summary>
    InvalidIvLength,

    /// <summary>The AES-GCM tag did not verify: the ciphertext, the key or the IV was changed.</summary>
    AuthenticationFailed,
}
