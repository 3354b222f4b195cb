using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SecureWa.Sdk.Consent;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Consent;

/// <summary>A ledger on a fake clock with an in-memory store, window and pepper.</summary>
internal sealed class ConsentTestContext
{
    public const string Pepper = "test-pepper-4f1c9a7e";

    public ConsentTestContext(Action<ConsentOptions>? configure = null)
    {
        var options = new ConsentOptions();
        configure?.Invoke(options);
        Options = options;
        Secrets = new InMemorySecretProvider(new Dictionary<string, string> { ["AuditPepper"] = Pepper });
        Pseudonymizer = new HmacRecipientPseudonymizer(Secrets, options.PseudonymSecretName);
        Ledger = new ConsentLedger(Store, Pseudonymizer, Microsoft.Extensions.Options.Options.Create(options), Clock, [Events], Window, NullLogger<ConsentLedger>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public ConsentOptions Options { get; }

    public InMemorySecretProvider Secrets { get; }

    public InMemoryConsentStore Store { get; } = new();

    public InMemoryCustomerServiceWindow Window { get; } = new(1000);

    public HmacRecipientPseudonymizer Pseudonymizer { get; }

    public RecordingConsentEvents Events { get; } = new();

    public ConsentLedger Ledger { get; }

    public IOptions<ConsentOptions> WrappedOptions => Microsoft.Extensions.Options.Options.Create(Options);

    internal sealed class RecordingConsentEvents : IConsentEvents
    {
        public List<ConsentRecord> Recorded { get; } = [];

        public List<(string Subject, int Count)> Erased { get; } = [];

        public ValueTask OnRecordedAsync(ConsentRecord record, CancellationToken cancellationToken = default)
        {
            lock (Recorded)
            {
                Recorded.Add(record);
            }

            return default;
        }

        public ValueTask OnErasedAsync(string subjectKey, int recordCount, CancellationToken cancellationToken = default)
        {
            Erased.Add((subjectKey, recordCount));
            return default;
        }
    }
}
