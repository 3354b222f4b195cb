using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureWa.Sdk.TestSupport;

/// <summary>
/// Plays Meta's side of a Flows data exchange, independently of the SDK: a fresh AES-128 key wrapped with RSA-OAEP
/// (SHA-256, MGF1 SHA-256) under the business public key, AES-128-GCM with a 16-byte IV computed by
/// <see cref="ReferenceGcm"/> (AES-ECB + GHASH written from NIST SP 800-38D, not BouncyCastle), and the response decrypted
/// with the IV's bits flipped, as Meta's endpoint guide describes.
/// </summary>
internal sealed class MetaFlowCrypto
{
    public MetaFlowCrypto(RSA publicKey, int ivLength = 16, int aesKeyLength = 16)
    {
        AesKey = RandomNumberGenerator.GetBytes(aesKeyLength);
        Iv = RandomNumberGenerator.GetBytes(ivLength);
        PublicKey = publicKey;
    }

    public RSA PublicKey { get; }

    public byte[] AesKey { get; }

    public byte[] Iv { get; }

    /// <summary>The JSON body Meta posts: <c>{encrypted_flow_data, encrypted_aes_key, initial_vector}</c>.</summary>
    public string EncryptRequest(string plaintextJson, Func<byte[], byte[]>? tamper = null)
    {
        var data = ReferenceGcm.Encrypt(AesKey, Iv, Encoding.UTF8.GetBytes(plaintextJson));
        if (tamper is not null)
        {
            data = tamper(data);
        }

        var wrapped = PublicKey.Encrypt(AesKey, RSAEncryptionPadding.OaepSHA256);
        return new JsonObject
        {
            ["encrypted_flow_data"] = Convert.ToBase64String(data),
            ["encrypted_aes_key"] = Convert.ToBase64String(wrapped),
            ["initial_vector"] = Convert.ToBase64String(Iv),
        }.ToJsonString();
    }

    /// <summary>Decrypts the endpoint's base64 answer with the same key and the flipped IV; throws when the tag does not verify.</summary>
    public string DecryptResponse(string base64)
    {
        var flipped = Iv.Select(static b => (byte)~b).ToArray();
        var plaintext = ReferenceGcm.Decrypt(AesKey, flipped, Convert.FromBase64String(base64))
            ?? throw new CryptographicException("The response's GCM tag did not verify with the flipped IV.");
        return Encoding.UTF8.GetString(plaintext);
    }
}

/// <summary>AES-GCM (any IV length, 16-byte tag, no AAD) from AES-ECB and a bitwise GHASH, per NIST SP 800-38D §6-7.</summary>
internal static class ReferenceGcm
{
    public static byte[] Encrypt(byte[] key, byte[] iv, byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var h = aes.EncryptEcb(new byte[16], PaddingMode.None);
        var j0 = DeriveJ0(h, iv);
        var ciphertext = Gctr(aes, Inc32(j0), plaintext);
        var tag = Tag(aes, h, j0, ciphertext);
        return [.. ciphertext, .. tag];
    }

    public static byte[]? Decrypt(byte[] key, byte[] iv, byte[] ciphertextAndTag)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var h = aes.EncryptEcb(new byte[16], PaddingMode.None);
        var j0 = DeriveJ0(h, iv);
        var ciphertext = ciphertextAndTag[..^16];
        var tag = Tag(aes, h, j0, ciphertext);
        return CryptographicOperations.FixedTimeEquals(tag, ciphertextAndTag[^16..]) ? Gctr(aes, Inc32(j0), ciphertext) : null;
    }

    private static byte[] DeriveJ0(byte[] h, byte[] iv)
    {
        if (iv.Length == 12)
        {
            return [.. iv, 0, 0, 0, 1];
        }

        // J0 = GHASH_H(IV || 0^(s+64) || [len(IV)]_64)
        var padded = new byte[((iv.Length + 15) / 16 * 16) + 16];
        iv.CopyTo(padded, 0);
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)iv.Length * 8);
        return Ghash(h, padded);
    }

    private static byte[] Tag(Aes aes, byte[] h, byte[] j0, byte[] ciphertext)
    {
        // S = GHASH_H(C || 0^u || [len(A)=0]_64 || [len(C)]_64); T = GCTR(J0, S)
        var blocks = new byte[((ciphertext.Length + 15) / 16 * 16) + 16];
        ciphertext.CopyTo(blocks, 0);
        BinaryPrimitives.WriteUInt64BigEndian(blocks.AsSpan(blocks.Length - 8), (ulong)ciphertext.Length * 8);
        return Gctr(aes, j0, Ghash(h, blocks));
    }

    private static byte[] Gctr(Aes aes, byte[] counter, byte[] input)
    {
        var output = new byte[input.Length];
        var cb = (byte[])counter.Clone();
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            var keystream = aes.EncryptEcb(cb, PaddingMode.None);
            for (var i = 0; i < 16 && offset + i < input.Length; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            }

            cb = Inc32(cb);
        }

        return output;
    }

    private static byte[] Inc32(byte[] block)
    {
        var result = (byte[])block.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(12), BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(12)) + 1);
        return result;
    }

    private static byte[] Ghash(byte[] h, byte[] blocks)
    {
        ulong yHi = 0, yLo = 0;
        var hHi = BinaryPrimitives.ReadUInt64BigEndian(h);
        var hLo = BinaryPrimitives.ReadUInt64BigEndian(h.AsSpan(8));
        for (var offset = 0; offset < blocks.Length; offset += 16)
        {
            yHi ^= BinaryPrimitives.ReadUInt64BigEndian(blocks.AsSpan(offset));
            yLo ^= BinaryPrimitives.ReadUInt64BigEndian(blocks.AsSpan(offset + 8));
            (yHi, yLo) = Multiply(yHi, yLo, hHi, hLo);
        }

        var result = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(result, yHi);
        BinaryPrimitives.WriteUInt64BigEndian(result.AsSpan(8), yLo);
        return result;
    }

    /// <summary>Multiplication in GF(2^128) with GCM's bit order (SP 800-38D Algorithm 1).</summary>
    private static (ulong Hi, ulong Lo) Multiply(ulong xHi, ulong xLo, ulong yHi, ulong yLo)
    {
        ulong zHi = 0, zLo = 0, vHi = yHi, vLo = yLo;
        for (var i = 0; i < 128; i++)
        {
            var bit = i < 64 ? (xHi >> (63 - i)) & 1 : (xLo >> (127 - i)) & 1;
            if (bit == 1)
            {
                zHi ^= vHi;
                zLo ^= vLo;
            }

            var lsb = vLo & 1;
            vLo = (vLo >> 1) | (vHi << 63);
            vHi >>= 1;
            if (lsb == 1)
            {
                vHi ^= 0xE100000000000000UL;
            }
        }

        return (zHi, zLo);
    }
}
