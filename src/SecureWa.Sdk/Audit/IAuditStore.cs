using SecureWa.Sdk.Storage;

namespace SecureWa.Sdk.Audit;

/// <summary>
/// Where audit records, checkpoints and subject keys live (on an <see cref="ISecureWaStore"/>). Appends to one chain are
/// serialized by the store; the chain logic (links, signatures, verification) stays in <see cref="AuditTrail"/>.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends a record at the head of its chain: reads the head, asks <paramref name="seal"/> for the record with its
    /// sequence and links, and inserts it so that no other writer (thread, process or instance) takes the same place.
    /// </summary>
    /// <param name="chain">The chain.</param>
    /// <param name="seal">Builds the sealed record from (sequence, previous link); may be called again after a lost race.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot write.</exception>
    Task<AuditRecord> AppendAsync(string chain, Func<long, byte[], AuditRecord> seal, CancellationToken cancellationToken = default);

    /// <summary>The chains that have records or anchors.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chain names.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<IReadOnlyList<string>> GetChainsAsync(CancellationToken cancellationToken = default);

    /// <summary>Streams a chain's records in sequence order, without loading it into memory.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="fromSequence">The first sequence.</param>
    /// <param name="toSequence">The last sequence, or <see langword="null"/> for the end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    IAsyncEnumerable<AuditRecord> ReadChainAsync(string chain, long fromSequence, long? toSequence, CancellationToken cancellationToken = default);

    /// <summary>One page of records matching <paramref name="query"/> (with its recipient already pseudonymized into <paramref name="subjectPseudonym"/>).</summary>
    /// <param name="query">The filter.</param>
    /// <param name="subjectPseudonym">The pseudonym to match, or <see langword="null"/>.</param>
    /// <param name="afterId">Records with a larger <see cref="AuditRecord.Id"/> only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <see cref="AuditQuery.PageSize"/> records plus one, in id order (the extra one tells there is a next page).</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, string? subjectPseudonym, long afterId, CancellationToken cancellationToken = default);

    /// <summary>Stores a checkpoint.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot write.</exception>
    Task AddCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>A chain's checkpoints and anchors, in sequence order.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The checkpoints.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<IReadOnlyList<AuditCheckpoint>> GetCheckpointsAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>The head of a chain: its last record's sequence and link, else its latest anchor's, else (0, empty).</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The head.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<(long Sequence, byte[] Link)> GetHeadAsync(string chain, CancellationToken cancellationToken = default);

    /// <summary>The last sequence of <paramref name="chain"/> whose record, and every earlier one, is older than <paramref name="cutoff"/>; 0 when none.</summary>
    /// <param name="chain">The chain.</param>
    /// <param name="cutoff">The retention cutoff.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequence and its link.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<(long Sequence, byte[] Link)> FindPurgeBoundaryAsync(string chain, DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>In one transaction: stores <paramref name="anchor"/>, deletes the chain's records up to its sequence and the checkpoints it supersedes.</summary>
    /// <param name="anchor">The signed purge anchor.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many records were deleted.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot write.</exception>
    Task<int> PurgeAsync(AuditCheckpoint anchor, CancellationToken cancellationToken = default);

    /// <summary>Stores a subject's wrapped key unless one exists, and returns the stored one.</summary>
    /// <param name="subjectPseudonym">The subject.</param>
    /// <param name="keyId">The id of the key-encryption key.</param>
    /// <param name="wrappedKey">The candidate wrapped key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored key id and wrapped key.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot write.</exception>
    Task<(string KeyId, byte[] WrappedKey)> GetOrAddSubjectKeyAsync(string subjectPseudonym, string keyId, byte[] wrappedKey, CancellationToken cancellationToken = default);

    /// <summary>A subject's wrapped key, or <see langword="null"/> when it has none (or it was erased).</summary>
    /// <param name="subjectPseudonym">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The key id and wrapped key, or <see langword="null"/>.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read.</exception>
    Task<(string KeyId, byte[] WrappedKey)?> GetSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default);

    /// <summary>Deletes a subject's key (crypto-shredding: their encrypted content can no longer be read) and compacts freed pages where the store can.</summary>
    /// <param name="subjectPseudonym">The subject.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when a key was deleted.</returns>
    /// <exception cref="System.Data.Common.DbException">The store cannot write.</exception>
    Task<bool> DeleteSubjectKeyAsync(string subjectPseudonym, CancellationToken cancellationToken = default);
}
