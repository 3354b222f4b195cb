using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Benchmarks.Webhooks;

/// <summary>
/// Webhook signature verification over the same bytes: the SDK's verifier against three baselines —
/// <c>HMACSHA256.HashData</c> (what a careful developer writes; the baseline), <c>SHA256.HashData</c> (the floor: an HMAC
/// cannot hash less than the body) and the common naive pattern (UTF-8 string, new HMACSHA256, BitConverter hex,
/// case-insensitive string compare).
/// </summary>
[MemoryDiagnoser]
public class WebhookSignatureBenchmarks
{
    private const string AppSecret = "0123456789abcdef0123456789abcdef";
    private byte[] _key = [];
    private byte[] _body = [];
    private string _header = string.Empty;
    private byte[] _expected = [];
    private WebhookSignatureVerifier _verifier = null!;

    [Params(512, 2 * 1024, 16 * 1024, 256 * 1024)]
    public int BodySize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = Encoding.UTF8.GetBytes(AppSecret);
        var random = new Random(42);
        var chars = new char[BodySize];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        _body = Encoding.UTF8.GetBytes(chars);
        _header = WebhookSignatureVerifier.ComputeSignatureHeader(_key, _body);
        _expected = Convert.FromHexString(_header.AsSpan("sha256=".Length));
        _verifier = new WebhookSignatureVerifier(new SecretValue(AppSecret));
        if (_verifier.Verify(_body, _header) != WebhookSignatureResult.Valid || !HashDataVerify() || !NaiveVerify())
        {
            throw new InvalidOperationException("Benchmark setup does not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _verifier.Dispose();

    [Benchmark(Baseline = true, Description = "HMACSHA256.HashData + FixedTimeEquals")]
    public bool HashDataVerify()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, mac);
        return CryptographicOperations.FixedTimeEquals(mac, _expected);
    }

    [Benchmark(Description = "SHA256.HashData (floor, not a MAC)")]
    public int Sha256Floor()
    {
        Span<byte> hash = stackalloc byte[32];
        return SHA256.HashData(_body, hash);
    }

    [Benchmark(Description = "Naive: string, new HMACSHA256, BitConverter")]
    public bool NaiveVerify()
    {
        var text = Encoding.UTF8.GetString(_body);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(AppSecret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = "sha256=" + BitConverter.ToString(hash).Replace("-", "", StringComparison.Ordinal);
        return string.Equals(hex, _header, StringComparison.OrdinalIgnoreCase);
    }

    [Benchmark(Description = "WebhookSignatureVerifier.Verify")]
    public bool Verifier() => _verifier.Verify(_body, _header) == WebhookSignatureResult.Valid;
}
