using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Benchmarks.Http;
using SecureWa.Sdk.Benchmarks.Infrastructure;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Benchmarks.Messages;

/// <summary>
/// One text message through the public <c>WhatsAppClient.Messages.SendAsync</c>: validation, serialization,
/// resilience, rate limiting (per number and per recipient, limits high enough never to wait), authentication with
/// <c>appsecret_proof</c>, over a primary handler that answers the Cloud API's success body without the network.
/// Baseline: a raw <see cref="HttpClient"/> over the same kind of handler posting pre-serialized JSON and reading the
/// response. The other methods each run one stage on its own, to show where the time goes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SecureWaBenchmarkConfig))]
public class SendPipelineBenchmarks
{
    private const string PhoneNumberId = "106540352242922";
    private static readonly Uri MessagesUri = new($"https://graph.facebook.com/v23.0/{PhoneNumberId}/messages");
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly TextMessage _message = new(SampleMessages.To, "Your order #1234 has shipped and will arrive on Thursday.");
    private byte[] _body = [];
    private HttpClient _raw = null!;
    private WhatsAppClient _client = null!;
    private HttpClient _chain = null!;
    private HttpClient _authenticationOnly = null!;
    private HttpClient _rateLimitingOnly = null!;
    private HttpClient _resilienceOnly = null!;
    private RateLimiterRegistry _registry = null!;

    /// <summary>Limits no benchmark run reaches: the limiters run their full bookkeeping but never wait.</summary>
    public static WhatsAppClientOptions CreateOptions() => new()
    {
        PhoneNumberId = PhoneNumberId,
        UseAppSecretProof = true,
        RateLimiting = new WhatsAppRateLimitOptions
        {
            PhoneNumberPermitsPerSecond = 100_000,
            PhoneNumberBurst = int.MaxValue,
            RecipientBurst = 1_000_000,
            RecipientInterval = TimeSpan.FromTicks(1),
        },
    };

    [GlobalSetup]
    public void Setup()
    {
        var options = CreateOptions();
        var secrets = new InMemorySecretProvider([
            new(SecretNames.AccessToken, "EAAG" + new string('x', 180)),
            new(SecretNames.AppSecret, "0123456789abcdef0123456789abcdef"),
        ]);
        _body = JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(_message), MessagesJsonContext.Wire.MessageRequest);
        _raw = new HttpClient(new CannedResponseHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new WhatsAppClient(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, new CannedResponseHandler());
        _chain = new HttpClient(WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, new CannedResponseHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        _authenticationOnly = new HttpClient(new AuthenticationHandler(secrets, options) { InnerHandler = new CannedResponseHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
        _registry = new RateLimiterRegistry(TimeProvider.System);
        _rateLimitingOnly = new HttpClient(new RateLimitingHandler(_registry, options, NullLogger.Instance) { InnerHandler = new CannedResponseHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
        _resilienceOnly = new HttpClient(new ResilienceHandler(new ResiliencePipelines(options.Resilience, TimeProvider.System, NullLogger.Instance), NullLogger.Instance) { InnerHandler = new CannedResponseHandler() }) { Timeout = Timeout.InfiniteTimeSpan };

        var result = SendAsync().GetAwaiter().GetResult();
        if (result.MessageId.Length == 0 || RawHttpClientAsync().GetAwaiter().GetResult() != CannedResponseHandler.SendSuccessBody.Length)
        {
            throw new InvalidOperationException("Benchmark setup does not send.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _chain.Dispose();
        _authenticationOnly.Dispose();
        _rateLimitingOnly.Dispose();
        _resilienceOnly.Dispose();
        _registry.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Raw HttpClient, pre-serialized JSON")]
    public async Task<int> RawHttpClientAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri);
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        request.Content = content;
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return bytes.Length;
    }

    [Benchmark(Description = "WhatsAppClient.Messages.SendAsync")]
    public Task<SendMessageResult> SendAsync() => _client.Messages.SendAsync(_message);

    [Benchmark(Description = "Stage: validate + serialize")]
    public int ValidateAndSerialize()
    {
        MessageValidator.Validate(_message);
        var recipient = MessageValidator.NormalizeRecipient(_message.To);
        return JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(_message), MessagesJsonContext.Wire.MessageRequest).Length + recipient.Length;
    }

    [Benchmark(Description = "Stage: handler chain (resilience+limits+auth)")]
    public Task<int> HandlerChainAsync() => SendRawAsync(_chain, _body);

    [Benchmark(Description = "Stage: authentication handler only")]
    public Task<int> AuthenticationOnlyAsync() => SendRawAsync(_authenticationOnly, _body);

    [Benchmark(Description = "Stage: rate limiting handler only")]
    public Task<int> RateLimitingOnlyAsync() => SendRawAsync(_rateLimitingOnly, _body);

    [Benchmark(Description = "Stage: resilience handler only")]
    public Task<int> ResilienceOnlyAsync() => SendRawAsync(_resilienceOnly, _body);

    /// <summary>What the SDK's request carries into the handlers: the operation, partitions and Accept header.</summary>
    private static async Task<int> SendRawAsync(HttpClient client, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri);
        request.Options.Set(WhatsAppRequestOptions.Operation, WhatsAppOperationKind.SendMessage);
        request.Options.Set(WhatsAppRequestOptions.PhoneNumberId, PhoneNumberId);
        request.Options.Set(WhatsAppRequestOptions.Recipient, "16505551234");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        request.Content = content;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return bytes.Length;
    }
}
