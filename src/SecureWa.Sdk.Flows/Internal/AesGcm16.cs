using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>
/// AES-GCM with a 16-byte IV and a 16-byte tag appended to the ciphertext, the construction WhatsApp Flows use.
/// <see cref="System.Security.Cryptography.AesGcm"/> accepts only 12-byte nonces (its <c>NonceByteSizes</c> is 12..12 on
/// net8.0 and net10.0; a test pins that), so this step alone uses BouncyCastle. GCM with a non-96-bit IV derives the
/// initial counter with GHASH, exactly as NIST SP 800-38D specifies, which BouncyCastle implements.
/// </summary>
internal static class AesGcm16
{
    public const int IvSize = 16;
    public const int TagSize = 16;

    /// <summary>Decrypts <c>ciphertext || tag</c>; returns <see langword="false"/> when the tag does not verify (nothing is written then).</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertextAndTag, Span<byte> plaintext, out int written)
    {
        written = 0;
        if (iv.Length != IvSize || ciphertextAndTag.Length < TagSize || plaintext.Length < ciphertextAndTag.Length - TagSize)
        {
            return false;
        }

        var cipher = Create(key, iv, forEncryption: false);
        try
        {
            // GCM (decrypting) buffers the last TagSize bytes, so output may be short until DoFinal; DoFinal checks the tag
            // before releasing the rest. The output span is the caller's, cleared below on failure.
            var n = cipher.ProcessBytes(ciphertextAndTag, plaintext);
            n += cipher.DoFinal(plaintext[n..]);
            written = n;
            return true;
        }
        catch (InvalidCipherTextException)
        {
            plaintext[..(ciphertextAndTag.Length - TagSize)].Clear();
            return false;
        }
    }

    /// <summary>Encrypts into <c>ciphertext || tag</c> (<paramref name="output"/> must hold <c>plaintext.Length + TagSize</c> bytes).</summary>
    public static int Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        if (iv.Length != IvSize)
        {
            throw new ArgumentException("The IV must be 16 bytes.", nameof(iv));
        }

        var cipher = Create(key, iv, forEncryption: true);
        var n = cipher.ProcessBytes(plaintext, output);
        n += cipher.DoFinal(output[n..]);
        return n;
    }

    private static GcmBlockCipher Create(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, bool forEncryption)
    {
        var cipher = new GcmBlockCipher(AesUtilities.CreateEngine());
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, iv.ToArray()));
        return cipher;
    }
}
