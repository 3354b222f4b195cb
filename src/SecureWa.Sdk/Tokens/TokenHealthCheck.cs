using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecureWa.Sdk.Tokens;

/// <summary>
/// The token's health as an <see cref="IHealthCheck"/>: the last report of <see cref="TokenHealth"/> (checked now
/// when there is none yet, or when the last one is older than two check intervals). Healthy with no finding,
/// Degraded when expiring soon, over-scoped, overdue for rotation or not checkable, Unhealthy when invalid, expired,
/// another app's, not scoped to the WABA or missing a needed permission. The description and data carry finding
/// kinds and dates, never the token.
/// </summary>
public sealed class TokenHealthCheck : IHealthCheck
{
    /// <summary>The name the SDK registers the check under by default.</summary>
    public const string DefaultName = "whatsapp_token";

    private readonly TokenHealth _health;
    private readonly TimeProvider _time;

    /// <summary>Creates the check.</summary>
    /// <param name="health">The token checker.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="health"/> is <see langword="null"/>.</exception>
    public TokenHealthCheck(TokenHealth health, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        _health = health;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = _health.LastReport;
        if (report is null || _time.GetUtcNow() - report.CheckedAt > _health.Options.CheckInterval * 2)
        {
            report = await _health.CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        return ToResult(report);
    }

    /// <summary>Maps a report to a health check result.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static HealthCheckResult ToResult(TokenHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["checked_at"] = report.CheckedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["findings"] = report.Findings.Select(static f => f.Kind.ToString()).ToArray(),
        };
        if (report.Token is { } token)
        {
            data["token_type"] = token.Type.ToString();
            data["expires_at"] = token.ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
        }

        var description = report.Findings.Count == 0
            ? "The access token is valid and scoped as configured."
            : string.Join(" ", report.Findings.Select(static f => f.Description));
        var status = report.Status switch
        {
            TokenHealthStatus.Healthy => HealthStatus.Healthy,
            TokenHealthStatus.Degraded => HealthStatus.Degraded,
            _ => HealthStatus.Unhealthy,
        };
        return new HealthCheckResult(status, description, exception: null, data);
    }
}
