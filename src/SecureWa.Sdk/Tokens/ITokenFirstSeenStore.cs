namespace SecureWa.Sdk.Tokens;

/// <summary>
/// Remembers when the SDK first saw each token version, keyed by the SHA-256 fingerprint of the token (64 lowercase hex
/// digits), never the token. The rotation check measures a never-expiring token's age from it. The default,
/// <see cref="InMemoryTokenFirstSeenStore"/>, forgets on restart; persist it (a database row per fingerprint) so the
/// age survives deployments.
/// </summary>
public interface ITokenFirstSeenStore
{
    /// <summary>Returns when <paramref name="fingerprint"/> was first seen, recording <paramref name="now"/> if it never was.</summary>
    /// <param name="fingerprint">The SHA-256 of the token, as 64 lowercase hex digits.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The first time this fingerprint was seen (<paramref name="now"/> for a new one).</returns>
    ValueTask<DateTimeOffset> GetOrAddFirstSeenAsync(string fingerprint, DateTimeOffset now, CancellationToken cancellationToken = default);
}
