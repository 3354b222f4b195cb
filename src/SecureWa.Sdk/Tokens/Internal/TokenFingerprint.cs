using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary>The SHA-256 fingerprint of a token (64 lowercase hex digits) and its short opaque id (the first 16).</summary>
internal static class TokenFingerprint
{
    public const int IdLength = 16;

    public static string Compute(SecretValue token) => Compute(token.Reveal());

    public static string Compute(string token)
    {
        var byteCount = Encoding.UTF8.GetByteCount(token);
        var bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        try
        {
            Encoding.UTF8.GetBytes(token, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes, hash);
#if NET9_0_OR_GREATER
            return Convert.ToHexStringLower(hash);
#else
            return Convert.ToHexString(hash).ToLowerInvariant();
#endif
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static string ToId(string fingerprint) => fingerprint[..IdLength];
}
