using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Consent;

/// <summary>
/// The default <see cref="IRecipientPseudonymizer"/>: lowercase hex of HMAC-SHA256 over the digits of the number,
/// keyed by a secret (the "pepper") from the <see cref="ISecretProvider"/>. Without the secret, the key cannot be
/// recomputed from a phone number; a rotated secret gives new keys (re-key the stores when rotating).
/// </summary>
public sealed class HmacRecipientPseudonymizer : IRecipientPseudonymizer
{
    private readonly ISecretProvider _secrets;
    private readonly string _secretName;
    private KeyEntry? _key;

    /// <summary>Creates the pseudonymizer.</summary>
    /// <param name="secrets">Where the pepper secret comes from.</param>
    /// <param name="secretName">The name of the pepper secret.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secrets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="secretName"/> is empty.</exception>
    public HmacRecipientPseudonymizer(ISecretProvider secrets, string secretName)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        _secrets = secrets;
        _secretName = secretName;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="normalizedRecipient"/> is empty.</exception>
    /// <exception cref="SecretNotFoundException">The pepper secret is not configured.</exception>
    public async ValueTask<string> GetSubjectKeyAsync(string normalizedRecipient, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(normalizedRecipient);
        var secret = await _secrets.GetSecretAsync(_secretName, cancellationToken).ConfigureAwait(false);
        var entry = Volatile.Read(ref _key);
        if (entry is null || !(ReferenceEquals(entry.Secret, secret) || entry.Secret.HasSameValueAs(secret)))
        {
            entry = new KeyEntry(secret, Encoding.UTF8.GetBytes(secret.Reveal()));
            Volatile.Write(ref _key, entry);
        }

        return Compute(entry.Key, normalizedRecipient);
    }

    internal static string Compute(byte[] key, string normalizedRecipient)
    {
        var input = normalizedRecipient.Length <= 64 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetMaxByteCount(normalizedRecipient.Length)];
        var length = Encoding.UTF8.GetBytes(normalizedRecipient, input);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input[..length], mac);
        return string.Create(64, mac.ToArray(), static (chars, bytes) =>
        {
            const string Hex = "0123456789abcdef";
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[i * 2] = Hex[bytes[i] >> 4];
                chars[(i * 2) + 1] = Hex[bytes[i] & 0xF];
            }
        });
    }

    private sealed class KeyEntry(SecretValue secret, byte[] key)
    {
        public SecretValue Secret { get; } = secret;

        public byte[] Key { get; } = key;
    }
}
