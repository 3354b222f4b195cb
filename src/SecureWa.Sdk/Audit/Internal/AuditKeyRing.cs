using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// The audit secrets as key bytes, read from the <see cref="ISecretProvider"/> on each use and converted once per
/// secret value (a provider that caches hands back the same <see cref="SecretValue"/>; a rotated value is converted anew).
/// </summary>
internal sealed class AuditKeyRing(ISecretProvider secrets)
{
    private const int MinimumKeyLength = 32;
    private static readonly byte[] CheckpointLabel = "securewa.audit.checkpoint.v1"u8.ToArray();

    private readonly ConcurrentDictionary<string, (SecretValue Secret, byte[] Bytes)> _cache = new(StringComparer.Ordinal);

    public ValueTask<byte[]> GetChainKeyAsync(string keyId, CancellationToken cancellationToken) =>
        GetAsync(AuditSecretNames.ChainKey(keyId), static (n, s) => Utf8Key(n, s), cancellationToken);

    public ValueTask<byte[]> GetPepperAsync(CancellationToken cancellationToken) =>
        GetAsync(AuditSecretNames.Pepper, static (n, s) => Utf8Key(n, s), cancellationToken);

    public ValueTask<byte[]> GetContentKeyAsync(string keyId, CancellationToken cancellationToken) =>
        GetAsync(AuditSecretNames.ContentKey(keyId), static (n, s) => Base64Key(n, s), cancellationToken);

    /// <summary>The checkpoint signing key: HMAC-SHA256(chain key, label), so a checkpoint key is never a link key.</summary>
    public static byte[] DeriveCheckpointKey(byte[] chainKey) => HMACSHA256.HashData(chainKey, CheckpointLabel);

    private async ValueTask<byte[]> GetAsync(string name, Func<string, string, byte[]> convert, CancellationToken cancellationToken)
    {
        var secret = await secrets.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        if (_cache.TryGetValue(name, out var cached) && ReferenceEquals(cached.Secret, secret))
        {
            return cached.Bytes;
        }

        var bytes = convert(name, secret.Reveal());
        _cache[name] = (secret, bytes);
        return bytes;
    }

    private static byte[] Utf8Key(string name, string value) =>
        value.Length >= MinimumKeyLength
            ? Encoding.UTF8.GetBytes(value)
            : throw new SecretProviderException(name, $"An audit key must be at least {MinimumKeyLength} characters long.");

    private static byte[] Base64Key(string name, string value)
    {
        var bytes = new byte[32];
        if (!Convert.TryFromBase64String(value, bytes, out var written) || written != 32)
        {
            throw new SecretProviderException(name, "The audit content key must be the base64 encoding of exactly 32 bytes (AES-256).");
        }

        return bytes;
    }
}
