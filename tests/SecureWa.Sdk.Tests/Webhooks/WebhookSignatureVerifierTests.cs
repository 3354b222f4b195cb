using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookSignatureVerifierTests : IDisposable
{
    private const string Secret = "6f1c2a9e0b7d4e3f8a5b1c0d9e8f7a6b";
    private const string OtherSecret = "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");

    private readonly WebhookSignatureVerifier _verifier = new(new SecretValue(Secret));

    public void Dispose() => _verifier.Dispose();

    // Computed independently of the SDK: HMACSHA256 instance over the key's UTF-8 bytes, lowercase hex.
    private static string Sign(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + string.Concat(hmac.ComputeHash(body).Select(static b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Verify_KnownAnswer_IsValid()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        using var verifier = new WebhookSignatureVerifier(new SecretValue("Jefe"));
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        const string header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        Assert.Equal(WebhookSignatureResult.Valid, verifier.Verify(body, header));
        Assert.Equal(header, WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue("Jefe"), body));
    }

    [Fact]
    public void Verify_SignatureComputedIndependently_IsValid()
    {
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(Body, Sign(Secret, Body)));
    }

    [Fact]
    public void ComputeSignatureHeader_MatchesIndependentHmac()
    {
        Assert.Equal(Sign(Secret, Body), WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(Secret), Body));
    }

    [Fact]
    public void Verify_UppercaseHex_IsValid()
    {
        var header = "sha256=" + Sign(Secret, Body)["sha256=".Length..].ToUpperInvariant();
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(Body, header));
    }

    [Fact]
    public void Verify_SurroundingWhiteSpace_IsValid()
    {
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(Body, " " + Sign(Secret, Body) + " "));
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var header = Sign(Secret, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 0x01;
        Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify(tampered, header));
    }

    [Fact]
    public void Verify_BodyWithExtraByte_IsMismatch()
    {
        var header = Sign(Secret, Body);
        Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify([.. Body, (byte)'\n'], header));
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify(Body, Sign(OtherSecret, Body)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_NoHeader_IsMissingHeader(string header)
    {
        Assert.Equal(WebhookSignatureResult.MissingHeader, _verifier.Verify(Body, header));
    }

    [Fact]
    public void Verify_NullHeaderString_IsMissingHeader()
    {
        string? header = null;
        Assert.Equal(WebhookSignatureResult.MissingHeader, _verifier.Verify(Body, header));
    }

    [Fact]
    public void Verify_TruncatedSignature_IsMalformed()
    {
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, Sign(Secret, Body).AsSpan(0, 69)));
    }

    [Fact]
    public void Verify_OddLengthSignature_IsMalformed()
    {
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, Sign(Secret, Body).AsSpan(0, 70)));
    }

    [Fact]
    public void Verify_SignatureTooLong_IsMalformed()
    {
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, Sign(Secret, Body) + "00"));
    }

    [Fact]
    public void Verify_NonHexSignature_IsMalformed()
    {
        var header = Sign(Secret, Body);
        header = header[..^1] + "g";
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, header));
    }

    [Fact]
    public void Verify_MissingPrefix_IsMalformed()
    {
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, Sign(Secret, Body).AsSpan("sha256=".Length)));
    }

    [Fact]
    public void Verify_Sha1Prefix_IsMalformed()
    {
        // The legacy X-Hub-Signature header (SHA-1) must not be accepted in place of SHA-256.
        Assert.Equal(WebhookSignatureResult.MalformedHeader, _verifier.Verify(Body, "sha1=" + Sign(Secret, Body)["sha256=".Length..]));
    }

    [Fact]
    public void Verify_EmptyBody_IsValidWhenSignedAndMismatchOtherwise()
    {
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify([], Sign(Secret, [])));
        Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify([], Sign(Secret, Body)));
    }

    [Fact]
    public void Verify_NonAsciiBody_IsVerifiedOverRawBytes()
    {
        var body = Encoding.UTF8.GetBytes("{\"text\":{\"body\":\"Olá, 日本語 🎉\"}}");
        var header = Sign(Secret, body);
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(body, header));

        // The same text with Meta's \u escapes is a different byte sequence: re-serializing breaks the signature.
        var escaped = Encoding.ASCII.GetBytes("{\"text\":{\"body\":\"Ol\\u00e1, \\u65e5\\u672c\\u8a9e \\ud83c\\udf89\"}}");
        Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify(escaped, header));
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(escaped, Sign(Secret, escaped)));
    }

    [Fact]
    public void Verify_InvalidUtf8Body_IsVerifiedOverRawBytes()
    {
        byte[] body = [0x7B, 0xFF, 0xFE, 0xC3, 0x28, 0x7D];
        Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(body, Sign(Secret, body)));
    }

    [Fact]
    public void Verify_TwoSecretsDuringRotation_AcceptsEitherAndRejectsOthers()
    {
        using var verifier = new WebhookSignatureVerifier([new SecretValue(Secret), new SecretValue(OtherSecret)]);

        Assert.Equal(2, verifier.SecretCount);
        Assert.Equal(WebhookSignatureResult.Valid, verifier.Verify(Body, Sign(Secret, Body)));
        Assert.Equal(WebhookSignatureResult.Valid, verifier.Verify(Body, Sign(OtherSecret, Body)));
        Assert.Equal(WebhookSignatureResult.Mismatch, verifier.Verify(Body, Sign("some-third-secret", Body)));
    }

    [Fact]
    public void Verify_RawKeyBytes_MatchesSecretValue()
    {
        using var verifier = new WebhookSignatureVerifier(Encoding.UTF8.GetBytes(Secret));
        Assert.Equal(WebhookSignatureResult.Valid, verifier.Verify(Body, Sign(Secret, Body)));
    }

    [Fact]
    public void Constructor_NoSecrets_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier(Array.Empty<SecretValue>()));
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier(ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentNullException>(() => new WebhookSignatureVerifier((SecretValue)null!));
    }

    [Fact]
    public void Verify_RepeatedCallsReuseState_StayCorrect()
    {
        var header = Sign(Secret, Body);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(WebhookSignatureResult.Valid, _verifier.Verify(Body, header));
            Assert.Equal(WebhookSignatureResult.Mismatch, _verifier.Verify(Body.AsSpan(1), header));
        }
    }

    [Fact]
    public async Task Verify_ConcurrentThreads_AllCorrect()
    {
        var header = Sign(Secret, Body);
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (var j = 0; j < 2_000; j++)
            {
                if (_verifier.Verify(Body, header) != WebhookSignatureResult.Valid
                    || _verifier.Verify(Body.AsSpan(0, Body.Length - 1), header) != WebhookSignatureResult.Mismatch)
                {
                    return false;
                }
            }

            return true;
        })).ToArray();

        var results = await Task.WhenAll(tasks);
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Verify_AfterWarmUp_AllocatesNothing()
    {
        using var verifier = new WebhookSignatureVerifier([new SecretValue(Secret), new SecretValue(OtherSecret)]);
        var header = Sign(Secret, Body);
        var badHeader = Sign("wrong", Body);
        for (var i = 0; i < 100; i++)
        {
            verifier.Verify(Body, header);
        }

        var valid = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            valid += verifier.Verify(Body, header) == WebhookSignatureResult.Valid ? 1 : 0;
            valid += verifier.Verify(Body, badHeader) == WebhookSignatureResult.Valid ? 1 : 0;
            valid += verifier.Verify(Body, "sha256=zz") == WebhookSignatureResult.Valid ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, valid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Verify_AfterDispose_Throws()
    {
        var verifier = new WebhookSignatureVerifier(new SecretValue(Secret));
        verifier.Verify(Body, Sign(Secret, Body));
        verifier.Dispose();
        verifier.Dispose();
        Assert.Throws<ObjectDisposedException>(() => verifier.Verify(Body, Sign(Secret, Body)));
    }

    [Fact]
    public void Verify_FuzzedBodiesAndHeaders_NeverThrowAndOnlyVerifyCorrectSignatures()
    {
        var random = new Random(20261122);
        const string alphabet = "0123456789abcdefABCDEFghxyz=-_ sha256";
        for (var i = 0; i < 5_000; i++)
        {
            var body = new byte[random.Next(0, 600)];
            random.NextBytes(body);
            var correct = Sign(Secret, body);

            string header;
            var mode = random.Next(6);
            switch (mode)
            {
                case 0:
                    header = correct;
                    break;
                case 1:
                    // One hex digit changed to another hex digit: well formed, wrong.
                    var chars = correct.ToCharArray();
                    var at = random.Next("sha256=".Length, chars.Length);
                    chars[at] = chars[at] == '0' ? '1' : '0';
                    header = new string(chars);
                    break;
                case 2:
                    var randomMac = new byte[32];
                    random.NextBytes(randomMac);
                    header = "sha256=" + Convert.ToHexString(randomMac);
                    break;
                case 3:
                    header = new string(Enumerable.Range(0, random.Next(0, 90)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                    break;
                case 4:
                    header = new string(Enumerable.Range(0, random.Next(0, 90)).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray());
                    break;
                default:
                    header = correct[..random.Next(0, correct.Length)];
                    break;
            }

            var result = _verifier.Verify(body, header);
            var expectedValid = string.Equals(header.Trim(), correct, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(expectedValid, result == WebhookSignatureResult.Valid);
            if (mode == 0)
            {
                Assert.Equal(WebhookSignatureResult.Valid, result);
            }
        }
    }
}
