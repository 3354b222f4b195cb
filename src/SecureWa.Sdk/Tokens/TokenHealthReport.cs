namespace SecureWa.Sdk.Tokens;

/// <summary>The result of one token health check.</summary>
public sealed class TokenHealthReport
{
    /// <summary>Creates a report; its status is the worst of the findings' statuses.</summary>
    /// <param name="checkedAt">When the check ran.</param>
    /// <param name="token">What <c>debug_token</c> said, or <see langword="null"/> when it could not be asked.</param>
    /// <param name="tokenId">The opaque id of the token version checked (see <see cref="TokenInfo.TokenId"/>), when known.</param>
    /// <param name="firstSeenAt">When the SDK first saw this token version, when known.</param>
    /// <param name="findings">The findings; empty when healthy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is <see langword="null"/>.</exception>
    public TokenHealthReport(DateTimeOffset checkedAt, TokenInfo? token, string? tokenId, DateTimeOffset? firstSeenAt, IReadOnlyList<TokenHealthFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        CheckedAt = checkedAt;
        Token = token;
        TokenId = tokenId;
        FirstSeenAt = firstSeenAt;
        Findings = findings;
        var status = TokenHealthStatus.Healthy;
        foreach (var finding in findings)
        {
            if (finding.Status > status)
            {
                status = finding.Status;
            }
        }

        Status = status;
    }

    /// <summary>When the check ran.</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <summary>The worst status of <see cref="Findings"/>; <see cref="TokenHealthStatus.Healthy"/> when there are none.</summary>
    public TokenHealthStatus Status { get; }

    /// <summary>What <c>debug_token</c> said, or <see langword="null"/> when it could not be asked (see <see cref="Findings"/>).</summary>
    public TokenInfo? Token { get; }

    /// <summary>The opaque id of the token version checked, when known.</summary>
    public string? TokenId { get; }

    /// <summary>When the SDK first saw this token version, when known.</summary>
    public DateTimeOffset? FirstSeenAt { get; }

    /// <summary>The findings; empty when healthy.</summary>
    public IReadOnlyList<TokenHealthFinding> Findings { get; }

    /// <summary>Whether a finding of <paramref name="kind"/> is present.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Has(TokenHealthFindingKind kind)
    {
        foreach (var finding in Findings)
        {
            if (finding.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"TokenHealthReport {{ Status = {Status}, Findings = [{string.Join(", ", Findings.Select(static f => f.Kind))}] }}";
}
