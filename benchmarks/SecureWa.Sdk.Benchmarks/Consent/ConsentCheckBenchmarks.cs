using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Benchmarks.Http;
using SecureWa.Sdk.Benchmarks.Messages;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Consent.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Benchmarks.Consent;

/// <summary>
/// What the consent check adds to a marketing-template send, with 1,000,000 recipients on file in the in-memory store
/// (target: at most 20 µs). Baseline: the same send through the same handler chain with an empty governance pipeline.
/// </summary>
[MemoryDiagnoser]
public class ConsentCheckBenchmarks
{
    private const int Recipients = 1_000_000;
    private const string Pepper = "benchmark-pepper-0123456789abcdef";

    private WhatsAppClient _plain = null!;
    private WhatsAppClient _governed = null!;
    private ConsentPolicy _policy = null!;
    private TemplateMessage _message = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var options = SendPipelineBenchmarks.CreateOptions();
        var secrets = new InMemorySecretProvider([
            new(SecretNames.AccessToken, "EAAG" + new string('x', 180)),
            new(SecretNames.AppSecret, "0123456789abcdef0123456789abcdef"),
            new("AuditPepper", Pepper),
        ]);

        var store = new InMemoryConsentStore();
        var key = Encoding.UTF8.GetBytes(Pepper);
        var recordedAt = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < Recipients; i++)
        {
            var subject = HmacRecipientPseudonymizer.Compute(key, Number(i));
            store.AppendAsync(new ConsentRecord(subject, ConsentPurposes.Marketing, ConsentRecordKind.OptIn, ConsentSources.Import, recordedAt)).GetAwaiter().GetResult();
        }

        var consentOptions = Options.Create(new ConsentOptions());
        var pseudonymizer = new HmacRecipientPseudonymizer(secrets, "AuditPepper");
        var window = new InMemoryCustomerServiceWindow();
        var ledger = new ConsentLedger(store, pseudonymizer, consentOptions, TimeProvider.System, window: window);
        _policy = new ConsentPolicy(ledger, pseudonymizer, window, consentOptions, TimeProvider.System, NullLogger.Instance);

        _plain = CreateClient(options, secrets, OperationPipeline.Empty);
        _governed = CreateClient(options, secrets, new OperationPipeline([_policy], null, TimeProvider.System, NullLogger.Instance));
        _message = new TemplateMessage(Number(123_456), "spring_sale", "en_US") { Category = TemplateCategory.Marketing };

        if (store.SubjectCount != Recipients || _governed.Messages.SendAsync(_message).GetAwaiter().GetResult().MessageId.Length == 0)
        {
            throw new InvalidOperationException("Benchmark setup is wrong.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _governed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Send, no governance")]
    public async Task<string> PlainSendAsync() => (await _plain.Messages.SendAsync(_message)).MessageId;

    [Benchmark(Description = "Send with the consent check (1M recipients on file)")]
    public async Task<string> ConsentSendAsync() => (await _governed.Messages.SendAsync(_message)).MessageId;

    [Benchmark(Description = "Consent check alone, a different recipient each call")]
    public async Task<string?> ConsentCheckOnlyAsync()
    {
        var context = new WhatsAppOperationContext(WhatsAppPermissions.MessagesSendTemplate, null, DateTimeOffset.UtcNow)
        {
            Recipient = Number(_next++ % Recipients),
            TemplateCategory = TemplateCategory.Marketing,
        };
        await _policy.BeforeAsync(context, CancellationToken.None);
        return context.Recipient;
    }

    private static string Number(int i) => "1650" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private static WhatsAppClient CreateClient(WhatsAppClientOptions options, ISecretProvider secrets, OperationPipeline governance) =>
        new(
            new HttpClient(WhatsAppHttpPipeline.CreateHandlerChain(options, secrets, NullLoggerFactory.Instance, TimeProvider.System, new CannedResponseHandler())) { Timeout = Timeout.InfiniteTimeSpan },
            options,
            NullLoggerFactory.Instance,
            governance);
}
