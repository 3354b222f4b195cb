namespace SecureWa.Sdk.Audit;

/// <summary>The secrets the audit trail reads from the <see cref="Secrets.ISecretProvider"/>.</summary>
public static class AuditSecretNames
{
    /// <summary>The pepper of recipient pseudonyms (HMAC-SHA256 key, at least 32 characters). Never rotate it: pseudonyms would change.</summary>
    public const string Pepper = "AuditPepper";

    /// <summary>The audit chain key with the given id (HMAC-SHA256 links and checkpoint signatures, at least 32 characters).</summary>
    /// <param name="keyId">The key id (<see cref="AuditOptions.KeyId"/>).</param>
    /// <returns>The secret name: <c>AuditChainKey_{keyId}</c>.</returns>
    public static string ChainKey(string keyId) => "AuditChainKey_" + keyId;

    /// <summary>The content key-encryption key with the given id (base64 of 32 bytes; wraps the per-subject keys).</summary>
    /// <param name="keyId">The key id (<see cref="AuditOptions.ContentKeyId"/>).</param>
    /// <returns>The secret name: <c>AuditContentKey_{keyId}</c>.</returns>
    public static string ContentKey(string keyId) => "AuditContentKey_" + keyId;
}
