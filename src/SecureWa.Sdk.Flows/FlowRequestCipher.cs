using System.Buffers;
using System.Security.Cryptography;
using SecureWa.Sdk.Flows.Internal;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// Decrypts WhatsApp Flows data exchange requests with the business private key: RSA-OAEP (SHA-256, MGF1 SHA-256)
/// unwraps the 16-byte AES key, AES-128-GCM with the 16-byte IV decrypts <c>encrypted_flow_data</c> (tag = its last 16
/// bytes). The returned <see cref="FlowExchange"/> encrypts the response. <c>MapWhatsAppFlowEndpoint</c> uses it; use it
/// directly only outside ASP.NET Core.
/// </summary>
/// <remarks>Thread-safe. Key material never reaches an exception message or a log.</remarks>
public sealed class FlowRequestCipher : IDisposable
{
    private const int MaxWrappedKeyBytes = 1024; // an 8192-bit modulus
    private readonly RSA _privateKey;
    private readonly bool _ownsKey;

    /// <summary>Creates a cipher over an RSA private key the caller keeps owning (and disposes).</summary>
    /// <param name="privateKey">The business private key, 2048 bits or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="privateKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is shorter than 2048 bits.</exception>
    public FlowRequestCipher(RSA privateKey)
        : this(privateKey ?? throw new ArgumentNullException(nameof(privateKey)), ownsKey: false)
    {
    }

    private FlowRequestCipher(RSA privateKey, bool ownsKey)
    {
        if (privateKey.KeySize < 2048)
        {
            throw new ArgumentException("The flow private key must be at least 2048 bits.", nameof(privateKey));
        }

        _privateKey = privateKey;
        _ownsKey = ownsKey;
    }

    /// <summary>
    /// Creates a cipher from a PEM private key: <c>-----BEGIN PRIVATE KEY-----</c> (PKCS#8), <c>-----BEGIN RSA PRIVATE KEY-----</c>
    /// (PKCS#1), or, with a passphrase, <c>-----BEGIN ENCRYPTED PRIVATE KEY-----</c> (encrypted PKCS#8, as
    /// <c>openssl genpkey … -aes256</c> or <c>openssl pkcs8 -topk8</c> write it).
    /// </summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="passphrase">The passphrase of an encrypted key; empty for a plain one.</param>
    /// <returns>A cipher owning the imported key.</returns>
    /// <exception cref="ArgumentException">The PEM holds no RSA private key, the passphrase is wrong or missing, or the key is shorter than 2048 bits (the message never quotes the PEM).</exception>
    public static FlowRequestCipher FromPem(ReadOnlySpan<char> pem, ReadOnlySpan<char> passphrase = default)
    {
        var rsa = RSA.Create();
        try
        {
            if (passphrase.IsEmpty)
            {
                rsa.ImportFromPem(pem);
            }
            else
            {
                rsa.ImportFromEncryptedPem(pem, passphrase);
            }

            // A public key imports too; it cannot decrypt. Exporting fails without the private part; the copy is zeroed at once.
            var parameters = rsa.ExportParameters(includePrivateParameters: true);
            var hasPrivate = parameters.D is { Length: > 0 };
            ZeroParameters(parameters);
            if (!hasPrivate)
            {
                throw new CryptographicException();
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException(
                passphrase.IsEmpty
                    ? "The flow private key PEM holds no usable RSA private key (an encrypted key needs its passphrase)."
                    : "The flow private key PEM holds no RSA private key that this passphrase decrypts.",
                nameof(pem));
        }

        try
        {
            return new FlowRequestCipher(rsa, ownsKey: true);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>The RSA key size in bits.</summary>
    public int KeySize => _privateKey.KeySize;

    /// <summary>Decrypts a request's three base64 fields.</summary>
    /// <param name="encryptedFlowData">Base64 <c>encrypted_flow_data</c> (ciphertext followed by the 16-byte tag).</param>
    /// <param name="encryptedAesKey">Base64 <c>encrypted_aes_key</c> (RSA-OAEP-256 wrapped).</param>
    /// <param name="initialVector">Base64 <c>initial_vector</c> (16 bytes).</param>
    /// <returns>The plaintext and the response encryptor; dispose it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FlowDecryptionException">The request cannot be decrypted (answer HTTP 421).</exception>
    public FlowExchange Decrypt(string encryptedFlowData, string encryptedAesKey, string initialVector)
    {
        ArgumentNullException.ThrowIfNull(encryptedFlowData);
        ArgumentNullException.ThrowIfNull(encryptedAesKey);
        ArgumentNullException.ThrowIfNull(initialVector);

        Span<byte> iv = stackalloc byte[AesGcm16.IvSize + 1];
        if (!Convert.TryFromBase64String(initialVector, iv, out var ivLength))
        {
            throw initialVector.Length is > 0 and <= 64 && IsBase64(initialVector)
                ? InvalidIv()
                : new FlowDecryptionException(FlowDecryptionFailure.MalformedEnvelope, "initial_vector is not base64.");
        }

        if (ivLength != AesGcm16.IvSize)
        {
            throw InvalidIv();
        }

        Span<byte> wrapped = stackalloc byte[MaxWrappedKeyBytes];
        if (!Convert.TryFromBase64String(encryptedAesKey, wrapped, out var wrappedLength))
        {
            throw new FlowDecryptionException(FlowDecryptionFailure.MalformedEnvelope, "encrypted_aes_key is not base64 of an RSA block.");
        }

        // Every field is decoded before the (costly) RSA step.
        byte[] data;
        try
        {
            data = Convert.FromBase64String(encryptedFlowData);
        }
        catch (FormatException)
        {
            throw new FlowDecryptionException(FlowDecryptionFailure.MalformedEnvelope, "encrypted_flow_data is not base64.");
        }

        if (data.Length < AesGcm16.TagSize)
        {
            throw new FlowDecryptionException(FlowDecryptionFailure.AuthenticationFailed, "encrypted_flow_data is shorter than the 16-byte GCM tag.");
        }

        var key = new byte[32];
        int keyLength;
        try
        {
            if (!_privateKey.TryDecrypt(wrapped[..wrappedLength], key, RSAEncryptionPadding.OaepSHA256, out keyLength))
            {
                keyLength = -1;
            }
        }
        catch (CryptographicException)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new FlowDecryptionException(FlowDecryptionFailure.KeyUnwrapFailed, "The AES key could not be unwrapped with the flow private key (RSA-OAEP SHA-256).");
        }

        if (keyLength != 16)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new FlowDecryptionException(FlowDecryptionFailure.InvalidKeyLength, "The unwrapped AES key is not 16 bytes (AES-128).");
        }

        var aesKey = key.AsSpan(0, 16).ToArray();
        CryptographicOperations.ZeroMemory(key);

        var plaintext = ArrayPool<byte>.Shared.Rent(Math.Max(1, data.Length));
        if (!AesGcm16.TryDecrypt(aesKey, iv[..AesGcm16.IvSize], data, plaintext, out var written))
        {
            CryptographicOperations.ZeroMemory(aesKey);
            ArrayPool<byte>.Shared.Return(plaintext);
            throw new FlowDecryptionException(FlowDecryptionFailure.AuthenticationFailed, "The AES-GCM tag did not verify: the data, the key or the IV does not match.");
        }

        return new FlowExchange(aesKey, iv[..AesGcm16.IvSize], plaintext, written);
    }

    /// <summary>Disposes the RSA key when this cipher imported it (<see cref="FromPem"/>).</summary>
    public void Dispose()
    {
        if (_ownsKey)
        {
            _privateKey.Dispose();
        }
    }

    private static void ZeroParameters(RSAParameters parameters)
    {
        CryptographicOperations.ZeroMemory(parameters.D);
        CryptographicOperations.ZeroMemory(parameters.P);
        CryptographicOperations.ZeroMemory(parameters.Q);
        CryptographicOperations.ZeroMemory(parameters.DP);
        CryptographicOperations.ZeroMemory(parameters.DQ);
        CryptographicOperations.ZeroMemory(parameters.InverseQ);
    }

    private static FlowDecryptionException InvalidIv() =>
        new(FlowDecryptionFailure.InvalidIvLength, "initial_vector is not 16 bytes.");

    private static bool IsBase64(string value)
    {
        Span<byte> scratch = stackalloc byte[64];
        return Convert.TryFromBase64String(value, scratch, out _);
    }
}
