using System.Security.Cryptography;
using System.Text;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// AES-256-GCM for opt-in content: a random per-subject key encrypts the subject's content; the key is stored wrapped
/// (AES-256-GCM) under the content key-encryption key. Both bind the subject pseudonym as associated data.
/// Layout: version (1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext.
/// </summary>
internal static class AuditContentCipher
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] NewSubjectKey() => RandomNumberGenerator.GetBytes(32);

    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext, string subjectPseudonym)
    {
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(subjectPseudonym));
        return output;
    }

    /// <summary>Decrypts, or returns <see langword="null"/> when the data is not ours or does not authenticate.</summary>
    public static byte[]? Decrypt(byte[] key, ReadOnlySpan<byte> data, string subjectPseudonym)
    {
        if (data.Length < HeaderSize || data[0] != Version)
        {
            return null;
        }

        var plaintext = new byte[data.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(data.Slice(1, NonceSize), data[HeaderSize..], data.Slice(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(subjectPseudonym));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
