using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.Redis;
using SecureWa.Sdk.Redis.Internal;
using SecureWa.Sdk.Secrets;
using StackExchange.Redis;

namespace SecureWa.Sdk.IntegrationTests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisRateLimiterTests(RedisFixture redis)
{
    private const string Recipient = "+15551234567";
    private const string HashSecret = "shared-app-secret-for-the-hash-key";

    [Fact]
    public async Task PhoneNumberLimit_ThreeInstances_HoldTheLimitTogether()
    {
        // 10/s with a burst of 5, no waiting: over 2 s the three instances together may send 5 + 10 × 2 (+1 for the
        // edges); each on its own limiter would send three times as much.
        var limits = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 10, PhoneNumberBurst = 5, RecipientBurst = 0, MaxWait = TimeSpan.Zero };
        var phoneNumberId = NewPhoneNumberId();
        var alerts = new RecordingAlertSink();
        var shared = NewRedisOptions();
        var instances = Enumerable.Range(0, 3).Select(_ => new Instance(redis.Connection, limits, shared, alerts)).ToArray();
        try
        {
            var run = TimeSpan.FromSeconds(2);
            var started = Stopwatch.StartNew();
            await Task.WhenAll(instances.Select(i => i.SendUntilAsync(phoneNumberId, null, started, run)));
            var elapsed = started.Elapsed.TotalSeconds;
            Assert.Empty(alerts.Alerts.Select(a => a.Reason));

            var total = instances.Sum(i => i.Sent);
            var allowed = 5 + (int)Math.Ceiling(10 * elapsed) + 1;
            Assert.True(total <= allowed, $"{total} sent by three instances in {elapsed:0.00} s; the shared limit allows {allowed}");
            // A loose floor (a loaded machine stalls senders now and then): the limiter lets the limit through, not nothing.
            Assert.True(total >= 5 + (10 * run.TotalSeconds * 0.5), $"only {total} sent: the shared limiter let too little through");
            Assert.All(instances, i => Assert.True(i.Sent > 0, "every instance gets a share"));
            Assert.All(instances, i => Assert.True(i.Refused > 0, "every instance was refused beyond the shared limit"));
            Assert.All(instances, i => Assert.False(i.Limiter.Availability.IsDown));
        }
        finally
        {
            DisposeAll(instances);
        }
    }

    [Fact]
    public async Task RecipientLimit_TwoInstances_ShareThePairBurst()
    {
        var limits = new WhatsAppRateLimitOptions { RecipientBurst = 3, RecipientInterval = TimeSpan.FromSeconds(30), RecipientQueueLimit = 0, MaxWait = TimeSpan.Zero };
        var phoneNumberId = NewPhoneNumberId();
        var shared = NewRedisOptions();
        var instances = Enumerable.Range(0, 2).Select(_ => new Instance(redis.Connection, limits, shared)).ToArray();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                await instances[i % 2].TrySendAsync(phoneNumberId, Recipient);
            }

            Assert.Equal(3, instances.Sum(i => i.Sent));
            var ex = Assert.Single(instances.SelectMany(i => i.Errors));
            Assert.Equal(WhatsAppRateLimitScope.Recipient, ex.Scope);
            Assert.DoesNotContain("5551234567", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            DisposeAll(instances);
        }
    }

    [Fact]
    public async Task PhoneNumberLimit_Waits_AreBoundedByTheSharedQueue()
    {
        // 5/s, burst 1, queue 2: the first goes, two wait their turn (~200 and ~400 ms), the fourth is refused at once.
        var limits = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 5, PhoneNumberBurst = 1, PhoneNumberQueueLimit = 2, RecipientBurst = 0, MaxWait = TimeSpan.FromSeconds(5) };
        var phoneNumberId = NewPhoneNumberId();
        var instance = new Instance(redis.Connection, limits, NewRedisOptions());
        try
        {
            var started = Stopwatch.StartNew();
            var sends = Enumerable.Range(0, 4).Select(_ => instance.TrySendAsync(phoneNumberId, null)).ToArray();
            await Task.WhenAll(sends);

            Assert.Equal(3, instance.Sent);
            Assert.Equal("queue_full", Assert.Single(instance.Errors).Message.Contains("queue is full", StringComparison.Ordinal) ? "queue_full" : "other");
            Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(350), $"the queued sends waited for their slots ({started.Elapsed.TotalMilliseconds:0} ms)");
        }
        finally
        {
            instance.Dispose();
        }
    }

    [Fact]
    public async Task RecipientKey_InRedis_IsAHashNeverThePhoneNumber()
    {
        var limits = new WhatsAppRateLimitOptions { RecipientBurst = 3, MaxWait = TimeSpan.Zero };
        var options = NewRedisOptions();
        var instance = new Instance(redis.Connection, limits, options);
        try
        {
            await instance.TrySendAsync(NewPhoneNumberId(), Recipient);
            Assert.Equal(1, instance.Sent);

            var server = redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]);
            var keys = new List<string>();
            await foreach (var key in server.KeysAsync(pattern: options.KeyPrefix + "*"))
            {
                keys.Add(key.ToString());
            }

            Assert.Contains(keys, k => Regex.IsMatch(k, "^" + Regex.Escape(options.KeyPrefix) + "rl:r:[0-9a-f]{16}$"));
            Assert.All(keys, k => Assert.DoesNotContain("5551234567", k, StringComparison.Ordinal));
            foreach (var key in keys)
            {
                Assert.True(await redis.Connection.GetDatabase().KeyTimeToLiveAsync(key) is { } ttl && ttl > TimeSpan.Zero, $"{key} expires");
            }
        }
        finally
        {
            instance.Dispose();
        }
    }

    [Fact]
    public async Task RedisKilledMidRun_FallsBackToTheLocalShare_AlertsAndRecovers()
    {
        using var server = RedisServer.Start();
        using var connection = RedisConnections.Connect(server.ConnectionString);
        RedisFixture.Warm(connection);
        var limits = new WhatsAppRateLimitOptions { PhoneNumberPermitsPerSecond = 30, PhoneNumberBurst = 6, RecipientBurst = 3, MaxWait = TimeSpan.Zero };
        var phoneNumberId = NewPhoneNumberId();
        var logs = new CapturingLoggerProvider();
        var alerts = new RecordingAlertSink();
        var shared = NewRedisOptions(o => o.InstanceCount = 3);
        var instances = Enumerable.Range(0, 3).Select(_ => new Instance(connection, limits, shared, alerts, logs)).ToArray();
        try
        {
            // Shared first.
            var started = Stopwatch.StartNew();
            await Task.WhenAll(instances.Select(i => i.SendUntilAsync(phoneNumberId, Recipient, started, TimeSpan.FromMilliseconds(500))));
            Assert.Empty(alerts.Alerts);

            server.Kill();

            // Each instance notices (fallback engaged, alert raised), then the measured run on the local share.
            foreach (var instance in instances)
            {
                await instance.TrySendAsync(phoneNumberId, null);
                Assert.True(instance.Limiter.Availability.IsDown);
            }

            Assert.Equal(3, alerts.Alerts.Count(a => !a.Available && a.Component == "rate_limiter"));
            foreach (var instance in instances)
            {
                instance.Reset();
            }

            var run = TimeSpan.FromSeconds(2);
            started.Restart();
            await Task.WhenAll(instances.Select(i => i.SendUntilAsync(phoneNumberId, null, started, run)));
            var elapsed = started.Elapsed.TotalSeconds;

            // The local share of 30/s, burst 6 is 10/s, burst 2 (1 token every 100 ms): never unlimited, never the full limit.
            var allowedPerInstance = 2 + (int)Math.Ceiling(10 * elapsed) + 1;
            foreach (var instance in instances)
            {
                Assert.True(instance.Sent <= allowedPerInstance, $"{instance.Sent} sent on the fallback in {elapsed:0.00} s; its share allows {allowedPerInstance}");
                Assert.True(instance.Sent >= 5, $"only {instance.Sent} sent: the fallback should still send its share");
                Assert.True(instance.Refused > 0);
            }

            // Redis returns: the next attempt after RetryInterval uses it again, and the recovery is announced once per instance.
            server.Run();
            var deadline = Stopwatch.StartNew();
            while (instances.Any(i => i.Limiter.Availability.IsDown) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                foreach (var instance in instances)
                {
                    await instance.TrySendAsync(phoneNumberId, null);
                }

                await Task.Delay(100);
            }

            Assert.All(instances, i => Assert.False(i.Limiter.Availability.IsDown, "recovered"));
            Assert.Equal(3, alerts.Alerts.Count(a => a.Available));
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("Redis is unreachable", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Text.Contains("5551234567", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(HashSecret, StringComparison.Ordinal));
            Assert.All(instances.SelectMany(i => i.Errors), e => Assert.DoesNotContain("5551234567", e.Message, StringComparison.Ordinal));
        }
        finally
        {
            DisposeAll(instances);
        }
    }

    [Fact]
    public async Task RedisUnreachable_RefusePolicy_SendsNothing()
    {
        using var server = RedisServer.Start();
        using var connection = RedisConnections.Connect(server.ConnectionString);
        server.Kill();
        var alerts = new RecordingAlertSink();
        var instance = new Instance(connection, new WhatsAppRateLimitOptions(), NewRedisOptions(o => o.UnavailablePolicy = RedisUnavailablePolicy.Refuse), alerts);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await instance.TrySendAsync(NewPhoneNumberId(), Recipient);
            }

            Assert.Equal(0, instance.Sent);
            Assert.Equal(5, instance.Errors.Count);
            Assert.All(instance.Errors, e => Assert.Contains("unreachable", e.Message, StringComparison.Ordinal));
            Assert.Single(alerts.Alerts);
        }
        finally
        {
            instance.Dispose();
        }
    }

    private static string NewPhoneNumberId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static RedisRateLimitingOptions NewRedisOptions(Action<RedisRateLimitingOptions>? configure = null)
    {
        // A generous call timeout: these tests measure limits, and a loaded CI machine can stall a call for a moment
        // (a timeout would only engage the bounded fallback, which the kill test covers).
        var options = new RedisRateLimitingOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":", InstanceCount = 3, RetryInterval = TimeSpan.FromMilliseconds(200), OperationTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return options;
    }

    private static void DisposeAll(IEnumerable<Instance> instances)
    {
        foreach (var instance in instances)
        {
            instance.Dispose();
        }
    }

    private sealed class RecordingAlertSink : IRedisAvailabilityAlertSink
    {
        public ConcurrentQueue<RedisAvailabilityAlert> Alerts { get; } = new();

        public void OnAvailabilityChanged(RedisAvailabilityAlert alert) => Alerts.Enqueue(alert);
    }

    /// <summary>One application instance: its own registry, handler and Redis limiter, and a terminal handler counting sends.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly RateLimiterRegistry _registry = new(TimeProvider.System);
        private readonly HttpMessageInvoker _invoker;
        private readonly CountingHandler _terminal = new();
        private int _refused;

        public Instance(IConnectionMultiplexer connection, WhatsAppRateLimitOptions limits, RedisRateLimitingOptions redisOptions, IRedisAvailabilityAlertSink? alerts = null, ILoggerProvider? logs = null)
        {
            var logger = logs?.CreateLogger("SecureWa.Sdk") ?? NullLogger.Instance;
            var secrets = new InMemorySecretProvider();
            secrets.Set(SecretNames.AppSecret, HashSecret);
            var availability = new RedisAvailability("rate_limiter", redisOptions.UnavailablePolicy, redisOptions.RetryInterval, TimeProvider.System, alerts is null ? [] : [alerts], logger);
            Limiter = new RedisRateLimiter(() => connection, redisOptions, secrets, TimeProvider.System, availability);
            var client = new WhatsAppClientOptions { RateLimiting = limits };
            _invoker = new HttpMessageInvoker(new RateLimitingHandler(_registry, client, logger, shared: Limiter) { InnerHandler = _terminal });
        }

        public RedisRateLimiter Limiter { get; }

        public int Sent => _terminal.Count;

        public int Refused => Volatile.Read(ref _refused);

        public ConcurrentQueue<WhatsAppRateLimitExceededException> Errors { get; } = new();

        public void Reset()
        {
            _terminal.Reset();
            Volatile.Write(ref _refused, 0);
            Errors.Clear();
        }

        public async Task TrySendAsync(string phoneNumberId, string? recipient)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.facebook.com/v23.0/" + phoneNumberId + "/messages");
            WhatsAppRequestOptions.SetOperation(request, WhatsAppOperationKind.SendMessage);
            request.Options.Set(WhatsAppRequestOptions.PhoneNumberId, phoneNumberId);
            if (recipient is not null)
            {
                request.Options.Set(WhatsAppRequestOptions.Recipient, recipient);
            }

            try
            {
                using var response = await _invoker.SendAsync(request, default);
            }
            catch (WhatsAppRateLimitExceededException ex)
            {
                Interlocked.Increment(ref _refused);
                Errors.Enqueue(ex);
            }
        }

        public async Task SendUntilAsync(string phoneNumberId, string? recipient, Stopwatch started, TimeSpan run)
        {
            var i = 0;
            while (started.Elapsed < run)
            {
                // A distinct recipient per send when one is given: the phone number's limit is what is measured.
                await TrySendAsync(phoneNumberId, recipient is null ? null : recipient + (i++ % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
                await Task.Delay(2);
            }
        }

        public void Dispose()
        {
            _invoker.Dispose();
            _registry.Dispose();
        }
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Volatile.Write(ref _count, 0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
