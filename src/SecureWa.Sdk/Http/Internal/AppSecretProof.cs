using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// <c>appsecret_proof</c>: lowercase hex HMAC-SHA256 of the access token keyed by the app secret. The last
/// (token, app secret) pair and its proof are cached, so a send does not recompute the HMAC.
/// </summary>
internal sealed class AppSecretProof
{
    private Entry? _last;

    /// <summary>Computes the proof (no caching).</summary>
    public static string Compute(string accessToken, string appSecret)
    {
        var keyLength = Encoding.UTF8.GetByteCount(appSecret);
        var messageLength = Encoding.UTF8.GetByteCount(accessToken);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(keyLength + messageLength);
        try
        {
            var key = rented.AsSpan(0, keyLength);
            var message = rented.AsSpan(keyLength, messageLength);
            Encoding.UTF8.GetBytes(appSecret, key);
            Encoding.UTF8.GetBytes(accessToken, message);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, message, mac);
#if NET9_0_OR_GREATER
            return Convert.ToHexStringLower(mac);
#else
            return Convert.ToHexString(mac).ToLowerInvariant();
#endif
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, keyLength + messageLength));
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Returns the proof for this pair, from the cache when the pair did not change.</summary>
    public string Get(SecretValue accessToken, SecretValue appSecret)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null
            && (ReferenceEquals(last.AccessToken, accessToken) || last.AccessToken.HasSameValueAs(accessToken))
            && (ReferenceEquals(last.AppSecret, appSecret) || last.AppSecret.HasSameValueAs(appSecret)))
        {
            return last.Proof;
        }

        var entry = new Entry(accessToken, appSecret, Compute(accessToken.Reveal(), appSecret.Reveal()));
        Volatile.Write(ref _last, entry);
        return entry.Proof;
    }

    private sealed class Entry(SecretValue accessToken, SecretValue appSecret, string proof)
    {
        public SecretValue AccessToken { get; } = accessToken;

        public SecretValue AppSecret { get; } = appSecret;

        public string Proof { get; } = proof;

        public override string ToString() => "AppSecretProof [redacted]";
    }
}
