using System.ComponentModel.DataAnnotations;

namespace SecureWa.Sdk.Webhooks;

/// <summary>Bounds of a <see cref="WebhookReplayGuard"/>.</summary>
public sealed class WebhookReplayGuardOptions
{
    /// <summary>How long an id is remembered. Meta retries failed deliveries with backoff for a while; the default is 24 hours.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most ids remembered; beyond it the oldest are forgotten first. The default is 100,000 (a few MB).</summary>
    [Range(1, int.MaxValue)]
    public int MaxEntries { get; set; } = 100_000;
}
