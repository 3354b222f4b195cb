using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Flows;

public sealed class FlowRequestCipherTests
{
    private const string RequestJson = """{"version":"3.0","action":"data_exchange","screen":"DETAILS","data":{"name":"Ada"},"flow_token":"tok-1"}""";

    private static readonly RSA BusinessKey = CreateKey();

    [Fact]
    public void AesGcm_SixteenByteNonce_IsRefusedByDotNet()
    {
        // Why BouncyCastle: System.Security.Cryptography.AesGcm takes 12-byte nonces only (tests run on net10.0; its
        // NonceByteSizes has been 12..12 since .NET Core 3.0, net8.0 included).
        Assert.Equal(12, AesGcm.NonceByteSizes.MinSize);
        Assert.Equal(12, AesGcm.NonceByteSizes.MaxSize);
        using var gcm = new AesGcm(new byte[16], 16);
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[16], new byte[4], new byte[4], new byte[16]));
    }

    [Fact]
    public void ReferenceGcm_TwelveByteNonce_MatchesDotNetAesGcm()
    {
        // Validates the test's own GCM (used to build the vectors below) against the platform's.
        var key = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plaintext = RandomNumberGenerator.GetBytes(100);
        var expected = new byte[100];
        var tag = new byte[16];
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(nonce, plaintext, expected, tag);
        }

        Assert.Equal([.. expected, .. tag], ReferenceGcm.Encrypt(key, nonce, plaintext));
    }

    [Fact]
    public void Decrypt_RequestEncryptedAsMetaDoes_ReturnsPlaintext()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));

        using var exchange = Decrypt(cipher, envelope);

        Assert.Equal(RequestJson, Encoding.UTF8.GetString(exchange.Plaintext.Span));
    }

    [Fact]
    public void EncryptResponse_SameKeyFlippedIv_DecryptsOnMetaSide()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));
        using var exchange = Decrypt(cipher, envelope);

        var body = exchange.EncryptResponse("""{"screen":"NEXT","data":{}}"""u8);

        Assert.Equal("""{"screen":"NEXT","data":{}}""", meta.DecryptResponse(body));
    }

    [Fact]
    public void EncryptResponse_IsNotEncryptedWithTheUnflippedIv()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));
        using var exchange = Decrypt(cipher, envelope);

        var body = Convert.FromBase64String(exchange.EncryptResponse("{}"u8));

        Assert.Null(ReferenceGcm.Decrypt(meta.AesKey, meta.Iv, body));
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_FailsAuthentication()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson, tamper: static d => { d[3] ^= 1; return d; }));

        var ex = Assert.Throws<FlowDecryptionException>(() => Decrypt(cipher, envelope));

        Assert.Equal(FlowDecryptionFailure.AuthenticationFailed, ex.Failure);
    }

    [Fact]
    public void Decrypt_TamperedTag_FailsAuthentication()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson, tamper: static d => { d[^1] ^= 0x80; return d; }));

        Assert.Equal(FlowDecryptionFailure.AuthenticationFailed, Assert.Throws<FlowDecryptionException>(() => Decrypt(cipher, envelope)).Failure);
    }

    [Fact]
    public void Decrypt_KeyWrappedForAnotherBusinessKey_FailsUnwrap()
    {
        using var other = RSA.Create(2048);
        var meta = new MetaFlowCrypto(other);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));

        Assert.Equal(FlowDecryptionFailure.KeyUnwrapFailed, Assert.Throws<FlowDecryptionException>(() => Decrypt(cipher, envelope)).Failure);
    }

    [Fact]
    public void Decrypt_TwelveByteIv_FailsWithInvalidIvLength()
    {
        var meta = new MetaFlowCrypto(BusinessKey, ivLength: 12);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));

        Assert.Equal(FlowDecryptionFailure.InvalidIvLength, Assert.Throws<FlowDecryptionException>(() => Decrypt(cipher, envelope)).Failure);
    }

    [Fact]
    public void Decrypt_Aes256Key_FailsWithInvalidKeyLength()
    {
        var meta = new MetaFlowCrypto(BusinessKey, aesKeyLength: 32);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));

        Assert.Equal(FlowDecryptionFailure.InvalidKeyLength, Assert.Throws<FlowDecryptionException>(() => Decrypt(cipher, envelope)).Failure);
    }

    [Theory]
    [InlineData("not base64!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "%%%", "AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "AAAA", "***")]
    public void Decrypt_NotBase64_FailsAsMalformed(string data, string key, string iv)
    {
        using var cipher = new FlowRequestCipher(BusinessKey);

        Assert.Equal(FlowDecryptionFailure.MalformedEnvelope, Assert.Throws<FlowDecryptionException>(() => cipher.Decrypt(data, key, iv)).Failure);
    }

    [Fact]
    public void Dispose_Exchange_PlaintextNoLongerReachable()
    {
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = new FlowRequestCipher(BusinessKey);
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));
        var exchange = Decrypt(cipher, envelope);

        exchange.Dispose();

        Assert.Throws<ObjectDisposedException>(() => exchange.Plaintext);
        Assert.Throws<ObjectDisposedException>(() => exchange.EncryptResponse("{}"u8));
    }

    [Fact]
    public void FromPem_EncryptedPkcs8WithPassphrase_Decrypts()
    {
        var pem = PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", BusinessKey.ExportEncryptedPkcs8PrivateKey("correct horse", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        var meta = new MetaFlowCrypto(BusinessKey);
        using var cipher = FlowRequestCipher.FromPem(pem, "correct horse");
        using var envelope = JsonDocument.Parse(meta.EncryptRequest(RequestJson));

        using var exchange = Decrypt(cipher, envelope);

        Assert.Equal(RequestJson, Encoding.UTF8.GetString(exchange.Plaintext.Span));
    }

    [Fact]
    public void FromPem_WrongPassphraseOrPublicKey_FailsWithoutQuotingThePem()
    {
        var encrypted = PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", BusinessKey.ExportEncryptedPkcs8PrivateKey("correct horse", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000)));
        var publicPem = BusinessKey.ExportSubjectPublicKeyInfoPem();

        var wrong = Assert.Throws<ArgumentException>(() => FlowRequestCipher.FromPem(encrypted, "battery staple"));
        var missing = Assert.Throws<ArgumentException>(() => FlowRequestCipher.FromPem(encrypted));
        var notPrivate = Assert.Throws<ArgumentException>(() => FlowRequestCipher.FromPem(publicPem));

        foreach (var ex in new[] { wrong, missing, notPrivate })
        {
            Assert.DoesNotContain("MII", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("horse", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("staple", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ctor_KeyShorterThan2048Bits_Throws()
    {
        using var small = RSA.Create(1024);

        Assert.Throws<ArgumentException>(() => new FlowRequestCipher(small));
    }

    private static FlowExchange Decrypt(FlowRequestCipher cipher, JsonDocument envelope)
    {
        var root = envelope.RootElement;
        return cipher.Decrypt(root.GetProperty("encrypted_flow_data").GetString()!, root.GetProperty("encrypted_aes_key").GetString()!, root.GetProperty("initial_vector").GetString()!);
    }

    private static RSA CreateKey()
    {
        var rsa = RSA.Create(2048);
        return rsa;
    }
}
