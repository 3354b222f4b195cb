using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// Verifies the <c>X-Hub-Signature-256</c> header Meta sends with every webhook POST: <c>sha256=</c> followed by the
/// hexadecimal HMAC-SHA256 of the <b>raw body bytes</b>, keyed by the app secret.
/// </summary>
/// <remarks>
/// <para>
/// Built for the hot path of a busy number: once constructed, <see cref="Verify"/> allocates nothing. Each thread keeps
/// its own keyed HMAC state per secret (the key pads are derived once, not per call), the expected digest is parsed from
/// the header into a stack buffer (upper- or lower-case hex accepted), and digests are compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>. No exception is thrown for any body or header.
/// </para>
/// <para>
/// Several secrets may be configured while an app secret is rotated. The body is always hashed with every secret and the
/// results are combined without branching, so the time taken does not reveal which secret matched.
/// </para>
/// <para>Instances are thread-safe. Dispose the verifier (once no thread uses it any more) to release the native hash state of every thread that used it; a verifier that is simply dropped releases it when collected.</para>
/// </remarks>
public sealed class WebhookSignatureVerifier : IDisposable
{
    /// <summary>The name of the header Meta signs webhooks with.</summary>
    public const string SignatureHeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int DigestSize = 32;
    private const int HexDigestLength = DigestSize * 2;

    private readonly byte[][] _keys;
    private readonly ThreadLocal<IncrementalHash[]> _hashes;
    private int _disposed;

    /// <summary>Creates a verifier for one app secret.</summary>
    /// <param name="appSecret">The Meta app secret.</param>
    /// <exception cref="ArgumentNullException"><paramref name="appSecret"/> is <see langword="null"/>.</exception>
    public WebhookSignatureVerifier(SecretValue appSecret)
        : this([appSecret ?? throw new ArgumentNullException(nameof(appSecret))])
    {
    }

    /// <summary>Creates a verifier that accepts signatures made with any of several app secrets (during a rotation).</summary>
    /// <param name="appSecrets">The current app secret and, while rotating, the previous one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="appSecrets"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="appSecrets"/> is empty.</exception>
    public WebhookSignatureVerifier(IEnumerable<SecretValue> appSecrets)
        : this(ToKeys(appSecrets))
    {
    }

    /// <summary>Creates a verifier from raw key bytes (the UTF-8 bytes of the app secret).</summary>
    /// <param name="appSecretKey">The key bytes; copied.</param>
    /// <exception cref="ArgumentException"><paramref name="appSecretKey"/> is empty.</exception>
    public WebhookSignatureVerifier(ReadOnlySpan<byte> appSecretKey)
        : this([NonEmpty(appSecretKey.ToArray(), nameof(appSecretKey))])
    {
    }

    private WebhookSignatureVerifier(byte[][] keys)
    {
        if (keys.Length == 0)
        {
            throw new ArgumentException("At least one app secret is required.", "appSecrets");
        }

        _keys = keys;
        _hashes = new ThreadLocal<IncrementalHash[]>(CreateHashes, trackAllValues: true);
    }

    /// <summary>The number of app secrets this verifier accepts.</summary>
    public int SecretCount => _keys.Length;

    /// <summary>Verifies a webhook signature over the raw body bytes. Allocates nothing and never throws for bad input.</summary>
    /// <param name="body">The request body exactly as received (not re-serialized, not decoded).</param>
    /// <param name="signatureHeader">The value of the <c>X-Hub-Signature-256</c> header; empty when the header is absent.</param>
    /// <returns><see cref="WebhookSignatureResult.Valid"/> when the signature matches one of the app secrets; otherwise why not.</returns>
    /// <exception cref="ObjectDisposedException">The verifier was disposed.</exception>
    public WebhookSignatureResult Verify(ReadOnlySpan<byte> body, ReadOnlySpan<char> signatureHeader)
    {
        var header = signatureHeader.Trim();
        if (header.IsEmpty)
        {
            return WebhookSignatureResult.MissingHeader;
        }

        if (header.Length != Prefix.Length + HexDigestLength
            || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookSignatureResult.MalformedHeader;
        }

        Span<byte> expected = stackalloc byte[DigestSize];
        if (!HexParser.TryParse(header[Prefix.Length..], expected))
        {
            return WebhookSignatureResult.MalformedHeader;
        }

        Span<byte> actual = stackalloc byte[DigestSize];
        var hashes = _hashes.Value!;
        var matches = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = hashes[i];
            hash.AppendData(body);
            hash.GetHashAndReset(actual);
            matches |= CryptographicOperations.FixedTimeEquals(actual, expected) ? 1 : 0;
        }

        CryptographicOperations.ZeroMemory(actual);
        return matches != 0 ? WebhookSignatureResult.Valid : WebhookSignatureResult.Mismatch;
    }

    /// <summary>Computes the <c>X-Hub-Signature-256</c> header value (<c>sha256=</c> + lowercase hex) Meta would send for a body. For tests and tooling.</summary>
    /// <param name="appSecret">The app secret.</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appSecret"/> is <see langword="null"/>.</exception>
    public static string ComputeSignatureHeader(SecretValue appSecret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        var key = Encoding.UTF8.GetBytes(appSecret.Reveal());
        try
        {
            return ComputeSignatureHeader(key, body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Computes the <c>X-Hub-Signature-256</c> header value (<c>sha256=</c> + lowercase hex) for a body under raw key bytes. For tests and tooling.</summary>
    /// <param name="appSecretKey">The key bytes (the UTF-8 bytes of the app secret).</param>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The header value.</returns>
    public static string ComputeSignatureHeader(ReadOnlySpan<byte> appSecretKey, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[DigestSize];
        HMACSHA256.HashData(appSecretKey, body, mac);
#if NET9_0_OR_GREATER
        return Prefix + Convert.ToHexStringLower(mac);
#else
        return Prefix + Convert.ToHexString(mac).ToLowerInvariant();
#endif
    }

    /// <summary>Releases the keyed hash state of every thread that used this verifier and clears the key copies.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var perThread in _hashes.Values)
        {
            foreach (var hash in perThread)
            {
                hash.Dispose();
            }
        }

        _hashes.Dispose();
        foreach (var key in _keys)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private IncrementalHash[] CreateHashes()
    {
        var hashes = new IncrementalHash[_keys.Length];
        for (var i = 0; i < _keys.Length; i++)
        {
            hashes[i] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keys[i]);
        }

        return hashes;
    }

    private static byte[][] ToKeys(IEnumerable<SecretValue> appSecrets)
    {
        ArgumentNullException.ThrowIfNull(appSecrets);
        var keys = new List<byte[]>();
        foreach (var secret in appSecrets)
        {
            if (secret is null)
            {
                throw new ArgumentNullException(nameof(appSecrets), "An app secret is null.");
            }

            keys.Add(Encoding.UTF8.GetBytes(secret.Reveal()));
        }

        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one app secret is required.", nameof(appSecrets));
        }

        return [.. keys];
    }

    private static byte[] NonEmpty(byte[] key, string paramName)
    {
        if (key.Length == 0)
        {
            throw new ArgumentException("The app secret key must not be empty.", paramName);
        }

        return key;
    }
}
