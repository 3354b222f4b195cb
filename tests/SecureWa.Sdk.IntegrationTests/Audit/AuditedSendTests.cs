using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.IntegrationTests.Http;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.IntegrationTests.Messages;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sqlite;

namespace SecureWa.Sdk.IntegrationTests.Audit;

/// <summary>Sends through a real <see cref="WhatsAppClient"/> from DI to WireMock, audited into a real SQLite file (or an unreachable store).</summary>
[Collection(WireMockCollection.Name)]
public sealed class AuditedSendTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Phone = "+16505551234";
    private const string Digits = "16505551234";
    private const string Body = "Your appointment with Dr. Okafor is at 10:30";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securewa-audited-" + Guid.NewGuid().ToString("N"));
    private readonly AuditTestSecrets _secrets = new();
    private readonly string _token = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task ConsentChanges_AreRecordedInTheTrail_UnderTheLedgersPseudonymNeverTheNumber()
    {
        var services = Build(audit => audit.UseSqlite(DatabasePath), configureServices: s => s.AddSecureWaConsent());
        var ledger = services.GetRequiredService<SecureWa.Sdk.Consent.IConsentLedger>();

        await ledger.RecordOptInAsync(Phone, "marketing", "web_form", "form-2026-12-02");
        await ledger.RecordOptOutAsync(Phone, purpose: null, "whatsapp_reply");

        var trail = services.GetRequiredService<IAuditTrail>();
        var records = (await trail.QueryAsync(new AuditQuery { RecordClass = AuditRecordClass.Consent })).Records;
        Assert.Equal(["consent.optin", "consent.optout"], records.Select(static r => r.Operation));
        var subject = await ledger.GetSubjectKeyAsync(Phone);
        Assert.All(records, r => Assert.Equal(subject, r.TargetId));
        Assert.True((await trail.VerifyAsync()).IsValid);
        await DisposeAllAsync();
        AssertFilesDoNotContain(Digits);
    }

    [Fact]
    public async Task SendAsync_Accepted_WritesIntentAndOutcomeWithPseudonymAndMaskedNumberOnly()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        var services = Build(audit => audit.UseSqlite(DatabasePath), o => o.RecordContent = false);
        var client = services.GetRequiredService<WhatsAppClient>().ForOperator(new WhatsAppOperator("agent-42", ["agent"], "sid-9", "203.0.113.7"));

        var sent = await client.Messages.SendAsync(new TextMessage(Phone, Body));

        var trail = services.GetRequiredService<IAuditTrail>();
        var records = (await trail.QueryAsync(new AuditQuery { RecordClass = AuditRecordClass.Operation })).Records;
        Assert.Equal([AuditRecordPhase.Intent, AuditRecordPhase.Outcome], records.Select(static r => r.Phase));
        var (intent, outcome) = (records[0], records[1]);
        Assert.Equal(intent.OperationId, outcome.OperationId);
        Assert.Null(intent.Outcome);
        Assert.Equal("Accepted", outcome.Outcome);
        Assert.Equal(sent.MessageId, outcome.MessageId);
        Assert.All(records, r =>
        {
            Assert.Equal(WhatsAppPermissions.MessagesSend, r.Operation);
            Assert.Equal("agent-42", r.OperatorId);
            Assert.Equal("sid-9", r.SessionId);
            Assert.Equal("203.0.113.7", r.ClientIp);
            Assert.Equal("+*******1234", r.SubjectMasked);
            Assert.Null(r.EncryptedContent);
        });
        Assert.Equal(await trail.PseudonymizeAsync(Phone), intent.SubjectPseudonym);
        Assert.Equal(64, intent.SubjectPseudonym!.Length);
        Assert.True((await trail.VerifyAsync()).IsValid);

        await DisposeAllAsync();
        AssertFilesDoNotContain(Digits, Body, _token);
        AssertFilesDoNotContain(_secrets.Values);
        AssertLogsDoNotContain(Digits, Body, _token);
        AssertLogsDoNotContain(_secrets.Values);
    }

    [Fact]
    public async Task SendAsync_RecordContentOn_KeepsTheMessageOnlyEncrypted()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        var services = Build(audit => audit.UseSqlite(DatabasePath), o => o.RecordContent = true);

        await services.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body));

        using var export = new MemoryStream();
        await services.GetRequiredService<IAuditTrail>().ExportSubjectAsync(Phone, export);
        Assert.Contains(Body, Encoding.UTF8.GetString(export.ToArray()), StringComparison.Ordinal);
        await DisposeAllAsync();
        AssertFilesDoNotContain(Digits, Body);
    }

    [Fact]
    public async Task SendAsync_SqliteStoreCannotWrite_RefusedAndNothingSent()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");

        // The database path is a directory: SQLite cannot open it.
        Directory.CreateDirectory(DatabasePath);
        var failures = new RecordingObserver();
        var services = Build(audit => audit.UseSqlite(DatabasePath), observer: failures);
        using var metric = new CountingListener("securewa.audit.write_failures");

        var error = await Assert.ThrowsAsync<WhatsAppAuditUnavailableException>(() => services.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body)));

        Assert.Equal(WhatsAppPermissions.MessagesSend, error.Operation);
        Assert.Empty(await Admin.GetRequestsAsync());
        Assert.Contains(failures.Failures, static f => f.Phase == AuditRecordPhase.Intent && f.FailClosed);
        Assert.True(metric.Count >= 1);
        Assert.DoesNotContain(Digits, error.ToString(), StringComparison.Ordinal);
        AssertLogsDoNotContain(Digits, Body, _token);
    }

    [Fact]
    public async Task SendAsync_PostgreSqlServerDown_RefusedAndNothingSent()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        var services = Build(audit => audit.UsePostgreSql($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=audit;Timeout=3"));

        await Assert.ThrowsAsync<WhatsAppAuditUnavailableException>(() => services.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body)));

        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task SendAsync_StoreDownAndFailOpen_SendsAndAlerts()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        Directory.CreateDirectory(DatabasePath);
        var failures = new RecordingObserver();
        var services = Build(audit => audit.UseSqlite(DatabasePath), o => o.FailureMode = AuditFailureMode.FailOpen, failures);

        await services.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body));

        Assert.Single(await Admin.GetRequestsAsync());
        Assert.Contains(failures.Failures, static f => f.Phase == AuditRecordPhase.Intent && !f.FailClosed);
        Assert.Contains(_logs.Entries, static e => e.EventId.Id == 1400 && e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task SendAsync_DeniedByAnEarlierPolicy_IsRecordedAsOneCompleteRecord()
    {
        var services = Build(audit => audit.UseSqlite(DatabasePath), configureServices: s => s.AddSingleton<WhatsAppOperationPolicy, DenyAll>());

        await Assert.ThrowsAsync<DeniedException>(() => services.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body)));

        Assert.Empty(await Admin.GetRequestsAsync());
        var record = Assert.Single((await services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery())).Records);
        Assert.Equal(AuditRecordPhase.Complete, record.Phase);
        Assert.Equal("Denied", record.Outcome);
        Assert.Equal("+*******1234", record.SubjectMasked);
    }

    [Fact]
    public async Task IntentWithoutOutcome_ProcessGoneBeforeTheCallEnded_StaysVisibleAsOutcomeUnknown()
    {
        // The first "process" writes the intent and disappears before the call ends: no AfterAsync ever runs.
        var first = Build(audit => audit.UseSqlite(DatabasePath));
        var policy = first.GetServices<WhatsAppOperationPolicy>().OfType<AuditPolicy>().Single();
        var context = first.GetRequiredService<SecureWa.Sdk.Governance.Internal.OperationPipeline>().CreateContext(WhatsAppPermissions.MessagesSend, new WhatsAppOperator("agent-1", ["agent"]));
        context.Recipient = Digits;
        await policy.BeforeAsync(context, CancellationToken.None);
        await first.DisposeAsync();
        _providers.Remove(first);
        SqliteConnection.ClearAllPools();

        // The next process sends normally and finds the orphan.
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        var second = Build(audit => audit.UseSqlite(DatabasePath));
        await second.GetRequiredService<WhatsAppClient>().Messages.SendAsync(new TextMessage(Phone, Body));

        var unknown = Assert.Single((await second.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery { OutcomeUnknownOnly = true })).Records);
        Assert.Equal("agent-1", unknown.OperatorId);
        Assert.Equal(AuditRecordPhase.Intent, unknown.Phase);
        Assert.True((await second.GetRequiredService<IAuditTrail>().VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task ChildProcessKilledBetweenIntentAndOutcome_LeavesAnOutcomeUnknownEntry()
    {
        var testBinaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var child = Path.Combine(RepositoryRoot.Find(), "tests", "SecureWa.Sdk.AuditChild", "bin", testBinaries.Parent!.Name, testBinaries.Name, "SecureWa.Sdk.AuditChild.dll");
        Assert.True(File.Exists(child), $"The audit child was not built at {child}; the test project builds it through a project reference.");

        // The Cloud API takes its time: the child is killed while its request is in flight.
        await Admin.StubAsync(RequestPattern.For("POST", MessagesTestContext.MessagesPath()), new ResponseDefinition
        {
            Status = 200,
            JsonBody = MessagesTestContext.SendResponse(Digits, Digits, "wamid.late"),
            Headers = new() { ["Content-Type"] = "application/json" },
            FixedDelayMilliseconds = 20_000,
        });
        Directory.CreateDirectory(_directory);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { child, DatabasePath, WireMock.BaseUri.ToString(), MessagesTestContext.PhoneNumberId })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AUDIT_CHILD_TOKEN"] = _token;
        start.Environment["AUDIT_CHILD_CHAIN_KEY"] = _secrets.ChainKey;
        start.Environment["AUDIT_CHILD_PEPPER"] = _secrets.Pepper;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();

        var parent = Build(audit => audit.UseSqlite(DatabasePath));
        var trail = parent.GetRequiredService<IAuditTrail>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<AuditRecord> records = [];
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            records = File.Exists(DatabasePath) ? (await trail.QueryAsync(new AuditQuery())).Records : [];
            if (records.Count > 0)
            {
                // The intent is durable; give the request a moment to leave (WireMock journals it only once answered).
                await Task.Delay(500);
                break;
            }

            await Task.Delay(100);
        }

        if (process.HasExited)
        {
            Assert.Fail($"The child ended before it could be killed:\n{await output}{await errors}");
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var all = (await trail.QueryAsync(new AuditQuery())).Records;
        var unknownRecords = (await trail.QueryAsync(new AuditQuery { OutcomeUnknownOnly = true })).Records;
        Assert.True(unknownRecords.Count == 1, $"{string.Join(", ", all.Select(static r => r.Phase + " " + r.Outcome + " " + r.Timestamp.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))} killed at {DateTime.UtcNow:HH:mm:ss.fff}; {await output}{await errors}");
        var unknown = unknownRecords[0];
        Assert.Equal(AuditRecordPhase.Intent, unknown.Phase);
        Assert.Equal("agent-child", unknown.OperatorId);
        Assert.Equal("+*******1234", unknown.SubjectMasked);
        Assert.Single((await trail.QueryAsync(new AuditQuery())).Records);
        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.DoesNotContain("sent", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditClient_ReadsAndExports_AreThemselvesAudited()
    {
        await CloudApiStubs.StubSendAcceptedAsync(Admin, MessagesTestContext.PhoneNumberId, Digits, "text");
        var services = Build(audit => audit.UseSqlite(DatabasePath));
        var client = services.GetRequiredService<WhatsAppClient>().ForOperator(new WhatsAppOperator("dpo-1", ["admin"]));
        await client.Messages.SendAsync(new TextMessage(Phone, Body));

        var page = await client.Audit.QueryAsync(new AuditQuery { RecipientPhoneNumber = Phone, RecordClass = AuditRecordClass.Operation });
        using var export = new MemoryStream();
        var exported = await client.Audit.ExportSubjectAsync(Phone, export);
        var verification = await client.Audit.VerifyAsync();

        Assert.Equal(2, page.Records.Count);
        Assert.True(exported >= 2);
        Assert.True(verification.IsValid, verification.ToString());
        var access = (await services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery { RecordClass = AuditRecordClass.AuditAccess })).Records;
        Assert.Contains(access, static r => r.Operation == WhatsAppPermissions.AuditRead && r.Phase == AuditRecordPhase.Outcome && r.OperatorId == "dpo-1");
        Assert.Contains(access, static r => r.Operation == WhatsAppPermissions.AuditExport && r.SubjectMasked == "+*******1234" && r.Outcome == "Accepted");
    }

    [Fact]
    public async Task Host_Start_MigratesTheStore_AndRefusesInvalidOptions()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<ISecretProvider>(_secrets.Provider);
        builder.Services.AddSecureWaAudit().UseSqlite(DatabasePath);
        using (var host = builder.Build())
        {
            await host.StartAsync();
            Assert.Equal(1, await host.Services.GetRequiredService<Storage.ISecureWaStore>().GetSchemaVersionAsync("audit"));
            await host.StopAsync();
        }

        var bad = Host.CreateApplicationBuilder();
        bad.Services.AddSingleton<ISecretProvider>(_secrets.Provider);
        bad.Services.AddSecureWaAudit(o => o.KeyId = "not a key id!").UseSqlite(Path.Combine(_directory, "other.db"));
        using var badHost = bad.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => badHost.StartAsync());
        Assert.Contains("KeyId", error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ServiceProvider Build(Action<SecureWaAuditBuilder> store, Action<AuditOptions>? configure = null, IAuditFailureObserver? observer = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _secrets.Provider.Set(SecretNames.AccessToken, _token);
        services.AddSingleton<ISecretProvider>(_secrets.Provider);
        if (observer is not null)
        {
            services.AddSingleton(observer);
        }

        configureServices?.Invoke(services);
        services.AddSecureWa(o =>
        {
            o.BaseAddress = WireMock.BaseUri;
            o.PhoneNumberId = MessagesTestContext.PhoneNumberId;
            o.RateLimiting.RecipientBurst = 10_000;
        });
        store(services.AddSecureWaAudit(o =>
        {
            o.CheckpointEvery = 10;
            configure?.Invoke(o);
        }));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    private async Task DisposeAllAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _providers.Clear();
        SqliteConnection.ClearAllPools();
    }

    private void AssertFilesDoNotContain(params string[] values)
    {
        var files = Directory.GetFiles(_directory);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var value in values)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds a value it must not hold.");
            }
        }
    }

    private void AssertLogsDoNotContain(params string[] values)
    {
        foreach (var entry in _logs.Entries)
        {
            foreach (var value in values)
            {
                Assert.DoesNotContain(value, entry.Text, StringComparison.Ordinal);
            }
        }
    }

    private sealed class RecordingObserver : IAuditFailureObserver
    {
        public List<AuditWriteFailure> Failures { get; } = [];

        public void OnAuditWriteFailed(AuditWriteFailure failure)
        {
            lock (Failures)
            {
                Failures.Add(failure);
            }
        }
    }

    private sealed class DeniedException() : WhatsAppException("denied"), IWhatsAppPolicyRefusal
    {
        public WhatsAppOperationOutcomeKind OutcomeKind => WhatsAppOperationOutcomeKind.Denied;
    }

    private sealed class DenyAll : WhatsAppOperationPolicy
    {
        public override int Order => WhatsAppOperationPolicyOrder.Authorize;

        public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken) => throw new DeniedException();
    }

    private sealed class CountingListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public CountingListener(string instrument)
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == SecureWaDiagnostics.MeterName && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
