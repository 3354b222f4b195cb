using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Flows.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Benchmarks.Flows;

/// <summary>
/// One flow data exchange of a 2 KB screen payload: decrypt + handler + encrypt. The baseline is the raw crypto steps a
/// hand-written endpoint performs (RSA-OAEP-256 unwrap, BouncyCastle AES-GCM decrypt, AES-GCM encrypt with the flipped IV,
/// base64) with no parsing, no signature and no handler; the SDK rows add what the SDK adds on top: the cipher API (base64
/// decoding, key/IV checks, zeroing), and the whole endpoint over an in-memory <see cref="HttpContext"/> (body read,
/// X-Hub-Signature-256, envelope and request parsing, a handler reading the data, response serialization, metrics).
/// RSA-2048 private-key decryption dominates all three.
/// </summary>
[MemoryDiagnoser]
public class FlowExchangeBenchmarks
{
    private const string AppSecret = "benchmark-app-secret-0123456789abcdef";
    private static readonly byte[] ResponseJson = """{"screen":"NEXT","data":{"ok":true}}"""u8.ToArray();
    private static readonly JsonElement Ok = JsonDocument.Parse("""{"ok":true}""").RootElement;
    private static readonly JsonElement NotOk = JsonDocument.Parse("""{"ok":false}""").RootElement;

    private RSA _rsa = null!;
    private FlowRequestCipher _cipher = null!;
    private WhatsAppFlowEndpoint _endpoint = null!;
    private byte[] _body = [];
    private string _signature = string.Empty;
    private byte[] _wrappedKey = [];
    private byte[] _iv = [];
    private byte[] _data = [];
    private string _dataBase64 = string.Empty;
    private string _keyBase64 = string.Empty;
    private string _ivBase64 = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        _cipher = new FlowRequestCipher(_rsa);

        var fields = new JsonObject();
        for (var i = 0; fields.ToJsonString().Length < 1900; i++)
        {
            fields["field_" + i] = "value-" + new string((char)('a' + (i % 26)), 24);
        }

        var plaintext = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["version"] = "3.0",
            ["action"] = "data_exchange",
            ["screen"] = "DETAILS",
            ["flow_token"] = "benchmark-token",
            ["data"] = fields,
        }.ToJsonString());

        var aesKey = RandomNumberGenerator.GetBytes(16);
        _iv = RandomNumberGenerator.GetBytes(16);
        _data = new byte[plaintext.Length + 16];
        AesGcm16.Encrypt(aesKey, _iv, plaintext, _data);
        _wrappedKey = _rsa.Encrypt(aesKey, RSAEncryptionPadding.OaepSHA256);
        _dataBase64 = Convert.ToBase64String(_data);
        _keyBase64 = Convert.ToBase64String(_wrappedKey);
        _ivBase64 = Convert.ToBase64String(_iv);
        _body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["encrypted_flow_data"] = _dataBase64,
            ["encrypted_aes_key"] = _keyBase64,
            ["initial_vector"] = _ivBase64,
        }.ToJsonString());
        _signature = WebhookSignatureVerifier.ComputeSignatureHeader(Encoding.UTF8.GetBytes(AppSecret), _body);

        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AppSecret, AppSecret);
        secrets.Set(FlowSecretNames.PrivateKey, _rsa.ExportPkcs8PrivateKeyPem());
        _endpoint = new WhatsAppFlowEndpoint(secrets, Options.Create(new WhatsAppFlowEndpointOptions()), tokens: null, TimeProvider.System, NullLoggerFactory.Instance);

        if (RawCryptoSteps().Length == 0 || SdkCipher().Length == 0 || SdkEndpoint().GetAwaiter().GetResult() != 200)
        {
            throw new InvalidOperationException("Benchmark setup does not round-trip.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cipher.Dispose();
        _rsa.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw steps: RSA-OAEP unwrap + BC GCM decrypt + GCM encrypt + base64")]
    public string RawCryptoSteps()
    {
        var key = _rsa.Decrypt(Convert.FromBase64String(_keyBase64), RSAEncryptionPadding.OaepSHA256);
        var data = Convert.FromBase64String(_dataBase64);
        var decrypt = new GcmBlockCipher(AesUtilities.CreateEngine());
        decrypt.Init(false, new AeadParameters(new KeyParameter(key), 128, Convert.FromBase64String(_ivBase64)));
        var plaintext = new byte[decrypt.GetOutputSize(data.Length)];
        var n = decrypt.ProcessBytes(data, 0, data.Length, plaintext, 0);
        decrypt.DoFinal(plaintext, n);

        var flipped = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            flipped[i] = (byte)~_iv[i];
        }

        var encrypt = new GcmBlockCipher(AesUtilities.CreateEngine());
        encrypt.Init(true, new AeadParameters(new KeyParameter(key), 128, flipped));
        var output = new byte[encrypt.GetOutputSize(ResponseJson.Length)];
        var m = encrypt.ProcessBytes(ResponseJson, 0, ResponseJson.Length, output, 0);
        encrypt.DoFinal(output, m);
        return Convert.ToBase64String(output);
    }

    [Benchmark(Description = "SDK FlowRequestCipher: decrypt + encrypt response")]
    public string SdkCipher()
    {
        using var exchange = _cipher.Decrypt(_dataBase64, _keyBase64, _ivBase64);
        return exchange.EncryptResponse(ResponseJson);
    }

    [Benchmark(Description = "SDK endpoint: signature + decrypt + parse + handler + encrypt")]
    public async Task<int> SdkEndpoint()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentLength = _body.Length;
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Request.Headers[WebhookSignatureVerifier.SignatureHeaderName] = _signature;
        context.Response.Body = Stream.Null;
        await _endpoint.HandleAsync(context, static (_, request, _) =>
        {
            var fields = request.Data is { } data ? data.EnumerateObject().Count() : 0;
            return ValueTask.FromResult(WhatsAppFlowResponse.NavigateTo("NEXT", fields > 0 ? Ok : NotOk));
        });
        return context.Response.StatusCode;
    }
}
