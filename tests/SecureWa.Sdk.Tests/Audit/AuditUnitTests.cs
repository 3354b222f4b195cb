using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.Audit.Internal;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tests.Messages;

namespace SecureWa.Sdk.Tests.Audit;

public sealed class AuditUnitTests
{
    private static readonly byte[] Key = "0123456789abcdef0123456789abcdef-chain"u8.ToArray();

    public static TheoryData<string> Fields() => new() { "Timestamp", "Operation", "OperatorId", "SessionId", "ClientIp", "SubjectPseudonym", "SubjectMasked", "Outcome", "GraphErrorCode", "MessageId", "TargetId", "TemplateName", "TemplateCategory", "TraceId", "Detail", "EncryptedContent", "KeyId", "Phase", "OperationId", "Chain" };

    [Theory]
    [MemberData(nameof(Fields))]
    public void ComputeLink_AnyFieldChanged_ChangesTheLink(string field)
    {
        var original = Record();
        var changed = field switch
        {
            "Timestamp" => Record(r => r with { Timestamp = r.Timestamp.AddTicks(1) }),
            "Operation" => Record(r => r with { Operation = "media.delete" }),
            "OperatorId" => Record(r => r with { OperatorId = "mallory" }),
            "SessionId" => Record(r => r with { SessionId = "sid-2" }),
            "ClientIp" => Record(r => r with { ClientIp = "10.0.0.2" }),
            "SubjectPseudonym" => Record(r => r with { SubjectPseudonym = "AB" }),
            "SubjectMasked" => Record(r => r with { SubjectMasked = "+*******9999" }),
            "Outcome" => Record(r => r with { Outcome = "Denied" }),
            "GraphErrorCode" => Record(r => r with { GraphErrorCode = 131047 }),
            "MessageId" => Record(r => r with { MessageId = "wamid.other" }),
            "TargetId" => Record(r => r with { TargetId = "t2" }),
            "TemplateName" => Record(r => r with { TemplateName = "other" }),
            "TemplateCategory" => Record(r => r with { TemplateCategory = "MARKETING" }),
            "TraceId" => Record(r => r with { TraceId = "t" }),
            "Detail" => Record(r => r with { Detail = "image" }),
            "EncryptedContent" => Record(r => r with { EncryptedContent = [1, 2, 4] }),
            "KeyId" => Record(r => r with { KeyId = "2" }),
            "Phase" => Record(r => r with { Phase = AuditRecordPhase.Outcome }),
            "OperationId" => Record(r => r with { OperationId = "op-2" }),
            "Chain" => Record(r => r with { Chain = "webhook" }),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.NotEqual(AuditCanonical.ComputeLink(Key, original, []), AuditCanonical.ComputeLink(Key, changed, []));
    }

    [Fact]
    public void ComputeLink_NullAndEmptyString_AreDistinct()
    {
        Assert.NotEqual(
            AuditCanonical.ComputeLink(Key, Record(r => r with { Detail = null }), []),
            AuditCanonical.ComputeLink(Key, Record(r => r with { Detail = string.Empty }), []));
    }

    [Fact]
    public async Task Checkpoint_SignedWithAnotherKeyOrEdited_DoesNotVerify()
    {
        var link = new byte[32];
        link[0] = 7;
        var checkpoint = AuditCheckpointSigner.Sign("operation", 10, link, AuditCheckpointKind.Checkpoint, DateTimeOffset.UnixEpoch, "1", Key);

        Assert.Null(await AuditCheckpointSigner.CheckAsync(checkpoint, "1", Key));
        Assert.Equal("1", AuditCheckpointSigner.ReadKeyId(checkpoint.Jws));
        Assert.NotNull(await AuditCheckpointSigner.CheckAsync(checkpoint, "1", "another-key-another-key-another-key"u8.ToArray()));
        var moved = new AuditCheckpoint { Chain = "operation", Sequence = 11, Link = link, Kind = AuditCheckpointKind.Checkpoint, CreatedAt = checkpoint.CreatedAt, Jws = checkpoint.Jws };
        Assert.NotNull(await AuditCheckpointSigner.CheckAsync(moved, "1", Key));
        var asAnchor = new AuditCheckpoint { Chain = "operation", Sequence = 10, Link = link, Kind = AuditCheckpointKind.PurgeAnchor, CreatedAt = checkpoint.CreatedAt, Jws = checkpoint.Jws };
        Assert.NotNull(await AuditCheckpointSigner.CheckAsync(asAnchor, "1", Key));
    }

    [Fact]
    public void ContentCipher_WrongSubjectOrKey_DoesNotDecrypt()
    {
        var key = AuditContentCipher.NewSubjectKey();
        var sealedContent = AuditContentCipher.Encrypt(key, "hello"u8, "SUBJECT-A");

        Assert.Equal("hello"u8.ToArray(), AuditContentCipher.Decrypt(key, sealedContent, "SUBJECT-A"));
        Assert.Null(AuditContentCipher.Decrypt(key, sealedContent, "SUBJECT-B"));
        Assert.Null(AuditContentCipher.Decrypt(AuditContentCipher.NewSubjectKey(), sealedContent, "SUBJECT-A"));
    }

    [Fact]
    public void OptionsValidator_BadValues_AreReported()
    {
        var options = new AuditOptions { KeyId = "has space", CheckpointEvery = -1, PurgeInterval = TimeSpan.FromSeconds(1) };
        options.Retention[AuditRecordClass.Webhook] = TimeSpan.FromHours(1);

        var result = new AuditOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, static f => f.Contains("KeyId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.Contains("CheckpointEvery", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.Contains("PurgeInterval", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, static f => f.Contains("Retention[Webhook]", StringComparison.Ordinal));
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions()).Succeeded);
    }

    [Fact]
    public async Task AuditPolicy_StoreThrows_FailsClosedBeforeAnythingIsSent()
    {
        var secrets = new InMemorySecretProvider([new(AuditSecretNames.ChainKey("1"), new string('k', 40)), new(AuditSecretNames.Pepper, new string('p', 40))]);
        var trail = new AuditTrail(new ThrowingStore(), secrets, new AuditOptions());
        var stub = StubGraphHandler.Sent();
        using var http = new HttpClient(stub);
        var pipeline = new OperationPipeline([new AuditPolicy(trail)], null, TimeProvider.System, NullLogger.Instance);
        using var client = new WhatsAppClient(http, new WhatsAppClientOptions { PhoneNumberId = "106540352242922" }, NullLoggerFactory.Instance, pipeline);

        var error = await Assert.ThrowsAsync<WhatsAppAuditUnavailableException>(() => client.Messages.SendAsync(new TextMessage("+16505551234", "hi")));

        Assert.Empty(stub.Requests);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.DoesNotContain("16505551234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditClient_WithoutAuditConfigured_SaysHowToConfigureIt()
    {
        using var http = new HttpClient(StubGraphHandler.Sent());
        var pipeline = new OperationPipeline([], null, TimeProvider.System, NullLogger.Instance);
        using var client = new WhatsAppClient(http, new WhatsAppClientOptions { PhoneNumberId = "106540352242922" }, NullLoggerFactory.Instance, pipeline);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Audit.QueryAsync(new AuditQuery()));

        Assert.Contains("AddSecureWaAudit", error.Message, StringComparison.Ordinal);
    }

    private static AuditRecord Record(Func<RecordShape, RecordShape>? change = null)
    {
        var s = new RecordShape(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "messages.send", "agent-1", "sid-1", "10.0.0.1", "ABCD", "+*******1234", "Accepted", null, "wamid.1", "t1", "order_update", "UTILITY", "trace", "text", [1, 2, 3], "1", AuditRecordPhase.Intent, "op-1", "operation");
        s = change?.Invoke(s) ?? s;
        return new AuditRecord
        {
            Chain = s.Chain,
            Timestamp = s.Timestamp,
            RecordClass = AuditRecordClass.Operation,
            Phase = s.Phase,
            OperationId = s.OperationId,
            Operation = s.Operation,
            OperatorId = s.OperatorId,
            SessionId = s.SessionId,
            ClientIp = s.ClientIp,
            SubjectPseudonym = s.SubjectPseudonym,
            SubjectMasked = s.SubjectMasked,
            Outcome = s.Outcome,
            GraphErrorCode = s.GraphErrorCode,
            MessageId = s.MessageId,
            TargetId = s.TargetId,
            TemplateName = s.TemplateName,
            TemplateCategory = s.TemplateCategory,
            TraceId = s.TraceId,
            Detail = s.Detail,
            EncryptedContent = s.EncryptedContent,
            KeyId = s.KeyId,
        };
    }

    private sealed record RecordShape(DateTimeOffset Timestamp, string Operation, string? OperatorId, string? SessionId, string? ClientIp, string? SubjectPseudonym, string? SubjectMasked, string? Outcome, int? GraphErrorCode, string? MessageId, string? TargetId, string? TemplateName, string? TemplateCategory, string? TraceId, string? Detail, byte[]? EncryptedContent, string KeyId, AuditRecordPhase Phase, string? OperationId, string Chain);

    private sealed class ThrowingStore : IAuditStore
    {
        public Task<AuditRecord> AppendAsync(string chain, Func<long, byte[], AuditRecord> seal, CancellationToken cancellationToken = default) => throw new InvalidOperationException("disk full");

        public Task<IReadOnlyList<string>> GetChainsAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public IAsyncEnumerable<AuditRecord> ReadChainAsync(string chain, long fromSequence, long? toSequence, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, string? subjectPseudonym, long afterId, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task AddCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string chain, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<(long Sequence, byte[] Link)> GetHeadAsync(string chain, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<(long Sequence, byte[] Link)> FindPurgeBoundaryAsync(string chain, DateTimeOffset cutoff, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<int> PurgeAsync(AuditCheckpoint anchor, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<(string KeyId, byte[] WrappedKey)> GetOrAddSubjectKeyAsync(string subjectPseudonym, string keyId, byte[] wrappedKey, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<(string KeyId, byte[] WrappedKey)?> GetSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<bool> DeleteSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default) => throw new InvalidOperationException();
    }
}
