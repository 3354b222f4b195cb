using System.Buffers;
using System.Security.Cryptography;
using SecureWa.Sdk.Flows.Internal;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// One decrypted flow data exchange request: its plaintext, and the AES key and IV its response must be encrypted with
/// (the response uses the same key and the IV with every bit flipped). Dispose it as soon as the response is encrypted:
/// the key and the plaintext are zeroed then.
/// </summary>
/// <remarks>Not thread-safe; one per request. Never log <see cref="Plaintext"/>: it is the customer's form data.</remarks>
public sealed class FlowExchange : IDisposable
{
    private readonly byte[] _key;
    private readonly byte[] _flippedIv;
    private byte[]? _plaintext;
    private readonly int _length;

    internal FlowExchange(byte[] key, ReadOnlySpan<byte> iv, byte[] plaintext, int length)
    {
        _key = key;
        _flippedIv = new byte[AesGcm16.IvSize];
        for (var i = 0; i < _flippedIv.Length; i++)
        {
            _flippedIv[i] = (byte)~iv[i];
        }

        _plaintext = plaintext;
        _length = length;
    }

    /// <summary>The decrypted request (UTF-8 JSON). Valid until <see cref="Dispose"/>; zeroed then.</summary>
    /// <exception cref="ObjectDisposedException">The exchange was disposed.</exception>
    public ReadOnlyMemory<byte> Plaintext
    {
        get
        {
            ObjectDisposedException.ThrowIf(_plaintext is null, this);
            return _plaintext.AsMemory(0, _length);
        }
    }

    /// <summary>Encrypts a response (UTF-8 JSON) with the request's key and the flipped IV; returns the base64 body Meta expects.</summary>
    /// <param name="utf8Json">The response JSON.</param>
    /// <returns>Base64 of <c>ciphertext || tag</c>.</returns>
    /// <exception cref="ObjectDisposedException">The exchange was disposed.</exception>
    public string EncryptResponse(ReadOnlySpan<byte> utf8Json)
    {
        ObjectDisposedException.ThrowIf(_plaintext is null, this);
        var size = utf8Json.Length + AesGcm16.TagSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = AesGcm16.Encrypt(_key, _flippedIv, utf8Json, buffer);
            return Convert.ToBase64String(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Zeroes the AES key and the plaintext.</summary>
    public void Dispose()
    {
        var plaintext = _plaintext;
        if (plaintext is null)
        {
            return;
        }

        _plaintext = null;
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(plaintext);
    }
}
