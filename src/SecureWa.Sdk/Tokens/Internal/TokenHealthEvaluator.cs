using System.Globalization;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary>Turns what <c>debug_token</c> said into typed findings. Pure: the clock and the first-seen time are arguments.</summary>
internal static class TokenHealthEvaluator
{
    private static readonly string[] ManagementScopes = [TokenHealthOptions.ManagementScope, TokenHealthOptions.BusinessManagementScope];

    /// <summary>The scopes that carry WhatsApp Business Account ids in <c>target_ids</c>.</summary>
    private static readonly string[] WabaScopes = [TokenHealthOptions.MessagingScope, TokenHealthOptions.ManagementScope];

    public static List<TokenHealthFinding> Evaluate(TokenInfo token, TokenHealthOptions options, string? businessAccountId, DateTimeOffset firstSeen, DateTimeOffset now)
    {
        var findings = new List<TokenHealthFinding>();
        if (!token.IsValid)
        {
            var code = token.ErrorCode ?? 0;
            findings.Add(new TokenHealthFinding(
                TokenHealthFindingKind.Invalid,
                TokenHealthStatus.Unhealthy,
                code == 0 ? "Graph reports the access token as not valid." : string.Create(CultureInfo.InvariantCulture, $"Graph reports the access token as not valid (error {code}, subcode {token.ErrorSubcode?.ToString(CultureInfo.InvariantCulture) ?? "none"})."),
                code,
                0,
                "error code"));
        }

        CheckExpiry(findings, token.ExpiresAt, options, now, TokenHealthFindingKind.Expired, TokenHealthFindingKind.ExpiresSoon, "The access token");
        CheckExpiry(findings, token.DataAccessExpiresAt, options, now, TokenHealthFindingKind.DataAccessExpired, TokenHealthFindingKind.DataAccessExpiresSoon, "Data access of the access token");

        if (token.IsValid && token.ExpiresAt is null)
        {
            var since = token.IssuedAt is { } issued && issued < firstSeen ? issued : firstSeen;
            var age = now - since;
            if (age > options.RotationPeriod)
            {
                findings.Add(new TokenHealthFinding(
                    TokenHealthFindingKind.RotationOverdue,
                    TokenHealthStatus.Degraded,
                    string.Create(CultureInfo.InvariantCulture, $"The never-expiring access token has been in use for {age.TotalDays:0.#} days, more than the rotation period of {options.RotationPeriod.TotalDays:0.#} days; issue a new one and retire this one."),
                    Math.Round(age.TotalDays, 2),
                    options.RotationPeriod.TotalDays,
                    "days"));
            }
        }

        CheckScopes(findings, token, options);

        if (!string.IsNullOrEmpty(options.AppId) && !string.IsNullOrEmpty(token.AppId) && !string.Equals(options.AppId, token.AppId, StringComparison.Ordinal))
        {
            findings.Add(new TokenHealthFinding(
                TokenHealthFindingKind.WrongApp,
                TokenHealthStatus.Unhealthy,
                $"The access token was issued for app {token.AppId}, not the configured app {options.AppId}.",
                0,
                0,
                "match"));
        }

        if (!string.IsNullOrEmpty(businessAccountId))
        {
            CheckBusinessAccount(findings, token, businessAccountId);
        }

        return findings;
    }

    private static void CheckExpiry(List<TokenHealthFinding> findings, DateTimeOffset? expiresAt, TokenHealthOptions options, DateTimeOffset now, TokenHealthFindingKind expired, TokenHealthFindingKind soon, string what)
    {
        if (expiresAt is not { } at)
        {
            return;
        }

        var left = at - now;
        if (left <= TimeSpan.Zero)
        {
            findings.Add(new TokenHealthFinding(
                expired,
                TokenHealthStatus.Unhealthy,
                string.Create(CultureInfo.InvariantCulture, $"{what} expired {(-left).TotalDays:0.##} days ago ({at:u})."),
                Math.Round(left.TotalDays, 2),
                0,
                "days left"));
        }
        else if (left <= options.ExpiryWarningWindow)
        {
            findings.Add(new TokenHealthFinding(
                soon,
                TokenHealthStatus.Degraded,
                string.Create(CultureInfo.InvariantCulture, $"{what} expires in {left.TotalDays:0.##} days ({at:u}), within the warning window of {options.ExpiryWarningWindow.TotalDays:0.#} days."),
                Math.Round(left.TotalDays, 2),
                options.ExpiryWarningWindow.TotalDays,
                "days left"));
        }
    }

    private static void CheckScopes(List<TokenHealthFinding> findings, TokenInfo token, TokenHealthOptions options)
    {
        if (!token.IsValid)
        {
            return;
        }

        var granted = new HashSet<string>(token.Scopes, StringComparer.Ordinal);
        foreach (var granular in token.GranularScopes)
        {
            granted.Add(granular.Scope);
        }

        var required = options.EffectiveRequiredScopes.ToArray();
        var missing = required.Where(s => !granted.Contains(s)).ToArray();
        if (missing.Length > 0)
        {
            findings.Add(new TokenHealthFinding(
                TokenHealthFindingKind.MissingScope,
                TokenHealthStatus.Unhealthy,
                $"The access token lacks the permission(s) the service needs: {string.Join(", ", missing)}.",
                missing.Length,
                0,
                "scopes"));
        }

        var allowed = new HashSet<string>(required, StringComparer.Ordinal);
        allowed.UnionWith(options.EffectiveAllowedScopes);
        if (options.ManagementEnabled)
        {
            allowed.UnionWith(ManagementScopes);
        }

        var excess = granted.Where(s => !allowed.Contains(s)).Order(StringComparer.Ordinal).ToArray();
        if (excess.Length > 0)
        {
            findings.Add(new TokenHealthFinding(
                TokenHealthFindingKind.ExcessScope,
                TokenHealthStatus.Degraded,
                $"The access token carries permission(s) the configured usage does not need: {string.Join(", ", excess)}. Issue a token with only what the service uses{(options.ManagementEnabled ? string.Empty : " (set ManagementEnabled if this service manages the WABA)")}.",
                excess.Length,
                0,
                "scopes"));
        }
    }

    private static void CheckBusinessAccount(List<TokenHealthFinding> findings, TokenInfo token, string businessAccountId)
    {
        if (!token.IsValid)
        {
            return;
        }

        // Only entries limited to named objects tell anything: an entry without target_ids is not limited.
        var limited = token.GranularScopes.Where(g => WabaScopes.Contains(g.Scope, StringComparer.Ordinal)).ToArray();
        if (limited.Length == 0 || limited.Any(static g => g.TargetIds.Count == 0))
        {
            return;
        }

        if (!limited.Any(g => g.TargetIds.Contains(businessAccountId, StringComparer.Ordinal)))
        {
            findings.Add(new TokenHealthFinding(
                TokenHealthFindingKind.WrongBusinessAccount,
                TokenHealthStatus.Unhealthy,
                $"The access token's WhatsApp permissions are limited to other WhatsApp Business Accounts ({string.Join(", ", limited.SelectMany(static g => g.TargetIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}), not the configured {businessAccountId}.",
                0,
                0,
                "match"));
        }
    }
}
