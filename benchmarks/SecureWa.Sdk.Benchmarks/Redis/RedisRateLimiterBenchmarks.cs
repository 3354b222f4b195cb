using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Benchmarks.Infrastructure;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.IntegrationTests.Redis;
using SecureWa.Sdk.Redis;
using SecureWa.Sdk.Redis.Internal;
using SecureWa.Sdk.Secrets;
using StackExchange.Redis;

namespace SecureWa.Sdk.Benchmarks.Redis;

/// <summary>
/// What the shared limiter adds per acquire: one send through the rate-limiting handler (over a handler that answers
/// without I/O) with the in-process limiters (baseline) and with the Redis limiter against a local redis-server, for the
/// phone number alone and for phone number + recipient (two script calls). Limits are high, so nothing waits: the
/// figure is the added latency of the round trips. Target: ≤ 300 µs at p99.
/// Needs <c>redis-server</c> on PATH (<c>apt-get install -y redis-server</c>): each benchmark process starts its own on
/// a free loopback port without persistence, or uses <c>SECUREWA_REDIS</c> (a StackExchange.Redis configuration string).
/// </summary>
[Config(typeof(Config))]
public class RedisRateLimiterBenchmarks
{
    private static readonly Uri RequestUri = new("https://graph.facebook.com/v23.0/106540352242922/messages");

    private RedisServer? _server;
    private IConnectionMultiplexer _connection = null!;
    private RateLimiterRegistry _registry = null!;
    private HttpMessageInvoker _local = null!;
    private HttpMessageInvoker _redisPhoneNumber = null!;
    private HttpMessageInvoker _redisBoth = null!;
    private long _recipient;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("SECUREWA_REDIS");
        if (string.IsNullOrEmpty(connectionString))
        {
            _server = RedisServer.Start();
            connectionString = _server.ConnectionString;
        }

        _connection = RedisConnections.Connect(connectionString);
        _registry = new RateLimiterRegistry(TimeProvider.System);
        var secrets = new InMemorySecretProvider([new(SecretNames.AppSecret, "0123456789abcdef0123456789abcdef")]);
        var redisOptions = new RedisRateLimitingOptions { InstanceCount = 1, KeyPrefix = "bench:" + Guid.NewGuid().ToString("N")[..8] + ":" };
        var limiter = new RedisRateLimiter(() => _connection, redisOptions, secrets, TimeProvider.System, new RedisAvailability("rate_limiter", redisOptions.UnavailablePolicy, redisOptions.RetryInterval, TimeProvider.System, [], NullLogger.Instance));

        _local = Invoker(Options(recipients: true), null);
        _redisPhoneNumber = Invoker(Options(recipients: false), limiter);
        _redisBoth = Invoker(Options(recipients: true), limiter);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _local.Dispose();
        _redisPhoneNumber.Dispose();
        _redisBoth.Dispose();
        _registry.Dispose();
        _connection.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<HttpStatusCode> LocalLimiter() => SendAsync(_local, recipient: true);

    [Benchmark]
    public Task<HttpStatusCode> RedisPhoneNumber() => SendAsync(_redisPhoneNumber, recipient: false);

    [Benchmark]
    public Task<HttpStatusCode> RedisPhoneNumberAndRecipient() => SendAsync(_redisBoth, recipient: true);

    private static WhatsAppClientOptions Options(bool recipients) => new()
    {
        PhoneNumberId = "106540352242922",
        RateLimiting =
        {
            PhoneNumberPermitsPerSecond = 100_000,
            PhoneNumberBurst = 1_000_000_000,
            RecipientBurst = recipients ? 3 : 0,
        },
    };

    private HttpMessageInvoker Invoker(WhatsAppClientOptions options, SharedRateLimiter? shared) =>
        new(new RateLimitingHandler(_registry, options, NullLogger.Instance, shared: shared) { InnerHandler = new NoNetworkHandler() });

    private async Task<HttpStatusCode> SendAsync(HttpMessageInvoker invoker, bool recipient)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri);
        WhatsAppRequestOptions.SetOperation(request, WhatsAppOperationKind.SendMessage);
        if (recipient)
        {
            // A new recipient per send: the pair limit never makes the benchmark wait.
            request.Options.Set(WhatsAppRequestOptions.Recipient, "+1" + (5_550_000_000 + Interlocked.Increment(ref _recipient)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    private sealed class Config : SecureWaBenchmarkConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.P95, new P99Column());
        }
    }

    private sealed class NoNetworkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
