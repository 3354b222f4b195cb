using System.Text;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Flows.Internal;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Flows;

/// <summary>
/// A fixed vector produced outside .NET, with Python's <c>cryptography</c> 48.0 (OpenSSL 3.0) — the library of Meta's
/// Python endpoint example and of pywa: <c>Cipher(AES(key), GCM(iv)).encryptor()</c>, ciphertext ‖ tag, key = 00..0f,
/// IV = 10..1f, and the response under the IV with every bit flipped.
/// </summary>
public sealed class AesGcm16KnownAnswerTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 16).Select(static i => (byte)i).ToArray();
    private static readonly byte[] Iv = Enumerable.Range(16, 16).Select(static i => (byte)i).ToArray();
    private static readonly byte[] Request = Convert.FromHexString("bebc81d30fc14de7b83af9a092011ff5d9df41fc196fc8968bbca5e62a2d14c25eb9097be3d94ea6d773bff2f54f65763c");
    private static readonly byte[] Response = Convert.FromHexString("20780bd265971c9e850cf2c7ebe6b2805e417d3fa63f3c2fce4b622af96662983c7852aa257ff4ed8552b5a2");

    [Fact]
    public void TryDecrypt_OpenSslVector_YieldsPlaintext()
    {
        var plaintext = new byte[Request.Length];

        Assert.True(AesGcm16.TryDecrypt(Key, Iv, Request, plaintext, out var written));
        Assert.Equal("""{"version":"3.0","action":"ping"}""", Encoding.UTF8.GetString(plaintext, 0, written));
    }

    [Fact]
    public void ReferenceGcm_OpenSslVector_YieldsSameCiphertext()
    {
        Assert.Equal(Request, ReferenceGcm.Encrypt(Key, Iv, """{"version":"3.0","action":"ping"}"""u8.ToArray()));
    }

    [Fact]
    public void EncryptResponse_FlippedIv_MatchesOpenSslVector()
    {
        using var exchange = new FlowExchange((byte[])Key.Clone(), Iv, new byte[16], 0);

        Assert.Equal(Convert.ToBase64String(Response), exchange.EncryptResponse("""{"data":{"status":"active"}}"""u8));
    }
}
