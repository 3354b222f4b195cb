using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SecureWa.Sdk.Benchmarks.Infrastructure;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Benchmarks.Webhooks;

/// <summary>
/// Parsing webhook bodies (already verified): the SDK's <see cref="WebhookParser"/> (source-generated metadata, typed
/// model that keeps unknown fields, Unix timestamps converted) against the baseline, reflection-based
/// <c>JsonSerializer.Deserialize</c> over plain POCOs of the same shape. The MB/s column is payload bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class WebhookParsingBenchmarks
{
    private static readonly JsonSerializerOptions ReflectionOptions = new();

    private byte[] _body = [];
    private WebhookParser _parser = null!;

    [ParamsAllValues]
    public WebhookPayloadKind Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookPayloads.Create(Payload);
        _parser = new WebhookParser();
        var typed = _parser.ParseUnverified(_body);
        var plain = Reflection()!;
        var typedCount = typed.AllMessages.Count() + typed.AllStatuses.Count();
        var plainCount = plain.Entry!.SelectMany(e => e.Changes!).Sum(c => (c.Value!.Messages?.Count ?? 0) + (c.Value.Statuses?.Count ?? 0));
        if (typedCount == 0 || typedCount != plainCount || typed.Entries.Count != plain.Entry!.Count)
        {
            throw new InvalidOperationException("The two parsers disagree on the payload.");
        }
    }

    [Benchmark(Baseline = true, Description = "Reflection POCOs (JsonSerializer)")]
    public PlainWebhook.Notification? Reflection() => JsonSerializer.Deserialize<PlainWebhook.Notification>(_body, ReflectionOptions);

    [Benchmark(Description = "WebhookParser.ParseUnverified")]
    public WebhookNotification Typed() => _parser.ParseUnverified(_body);

    /// <summary>The shared configuration plus payload size and throughput.</summary>
    private sealed class Config : SecureWaBenchmarkConfig
    {
        public Config()
        {
            AddColumn(new PayloadBytesColumn(SizeOf), new ThroughputColumn(SizeOf));
        }

        private static long? SizeOf(BenchmarkCase benchmarkCase)
        {
            foreach (var parameter in benchmarkCase.Parameters.Items)
            {
                if (parameter.Value is WebhookPayloadKind kind)
                {
                    return WebhookPayloads.Create(kind).Length;
                }
            }

            return null;
        }
    }
}
