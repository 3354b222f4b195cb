using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.Benchmarks.Http;
using SecureWa.Sdk.Benchmarks.Infrastructure;
using SecureWa.Sdk.Benchmarks.Messages;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sqlite;

namespace SecureWa.Sdk.Benchmarks.Audit;

/// <summary>
/// The audit cost of one send: the same text message through the same client pipeline (no network), once without
/// governance (the baseline) and once with the audit policy writing intent + outcome to a SQLite file in WAL mode with
/// <c>synchronous=NORMAL</c> (the default: no fsync per commit). Target: at most 50 µs and 2 KB more per recorded send.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SecureWaBenchmarkConfig))]
public class AuditedSendBenchmarks
{
    private readonly TextMessage _message = new(SampleMessages.To, "Your order #1234 has shipped and will arrive on Thursday.");
    private readonly WhatsAppOperator _operator = new("agent-42", ["agent"], "sid-9", "203.0.113.7");
    private string _directory = string.Empty;
    private SqliteSecureWaStore _store = null!;
    private HttpClient _plainHttp = null!;
    private HttpClient _auditedHttp = null!;
    private WhatsAppClient _plain = null!;
    private WhatsAppClient _audited = null!;
    private AuditTrail _trail = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = SendPipelineBenchmarks.CreateOptions();
        var secrets = new InMemorySecretProvider([
            new(SecretNames.AccessToken, "EAAG" + new string('x', 180)),
            new(SecretNames.AppSecret, "0123456789abcdef0123456789abcdef"),
            new(AuditSecretNames.ChainKey("1"), "benchmark-chain-key-0123456789abcdef"),
            new(AuditSecretNames.Pepper, "benchmark-pepper-0123456789abcdef0123"),
        ]);
        _directory = Path.Combine(Path.GetTempPath(), "securewa-bench-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteSecureWaStore(new SqliteStoreOptions { Path = Path.Combine(_directory, "audit.db") });
        _trail = new AuditTrail(_store, secrets, new AuditOptions());
        _plainHttp = new HttpClient(WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, new CannedResponseHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        _auditedHttp = new HttpClient(WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, new CannedResponseHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        _plain = new WhatsAppClient(_plainHttp, options, NullLoggerFactory.Instance, OperationPipeline.Empty).ForOperator(_operator);
        var governance = new OperationPipeline([new AuditPolicy(_trail)], null, TimeProvider.System, NullLogger.Instance);
        _audited = new WhatsAppClient(_auditedHttp, options, NullLoggerFactory.Instance, governance).ForOperator(_operator);

        if (PlainSendAsync().GetAwaiter().GetResult().Length == 0 || AuditedSendAsync().GetAwaiter().GetResult().Length == 0
            || !_trail.VerifyAsync().GetAwaiter().GetResult().IsValid)
        {
            throw new InvalidOperationException("Benchmark setup does not send or does not audit.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _audited.Dispose();
        _plainHttp.Dispose();
        _auditedHttp.Dispose();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Send, no governance")]
    public async Task<string> PlainSendAsync() => (await _plain.Messages.SendAsync(_message)).MessageId;

    [Benchmark(Description = "Send, audited (SQLite WAL)")]
    public async Task<string> AuditedSendAsync() => (await _audited.Messages.SendAsync(_message)).MessageId;

    [Benchmark(Description = "One audit event alone")]
    public async Task<long> RecordEventAsync() =>
        (await _trail.RecordAsync(new AuditEvent { RecordClass = AuditRecordClass.Webhook, Operation = "webhook.receipt", SubjectPhoneNumber = SampleMessages.To, Outcome = "SignatureValid" })).Sequence;
}
