using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.AspNetCore;

/// <summary>Options of the webhook endpoint mapped by <c>MapWhatsAppWebhook</c>.</summary>
/// <remarks>
/// The application's handler runs inline, before the 200 is sent: Meta expects an answer within a few seconds and
/// retries otherwise (the replay guard then drops the retry once the first delivery succeeded). Keep handlers short —
/// store the notification or write it to a queue (for example a bounded <c>System.Threading.Channels</c> channel read
/// by a hosted service) and do slow work there. When a handler throws, the endpoint answers 500 and forgets the
/// notification's ids, so Meta's retry is handled again.
/// </remarks>
public sealed class WhatsAppWebhookOptions
{
    /// <summary>The largest body accepted, in bytes; larger requests get 413 before any parsing. Default 1 MiB.</summary>
    public int MaxBodySize { get; set; } = WebhookParserOptions.DefaultMaxBodySize;

    /// <summary>
    /// The longest time a POST may take to deliver its body; a slower request is answered 408 and its buffer released.
    /// Default 20 seconds (Meta's bodies are a few KiB). The server's own minimum data rate (Kestrel's
    /// <c>MinRequestBodyDataRate</c>, 240 bytes/s by default) applies as well.
    /// </summary>
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The deepest JSON nesting accepted. Default 32.</summary>
    public int MaxDepth { get; set; } = WebhookParserOptions.DefaultMaxDepth;

    /// <summary>Whether redelivered notifications are answered 200 without calling the handler. Default <see langword="true"/>.</summary>
    public bool EnableReplayProtection { get; set; } = true;

    /// <summary>
    /// Whether a notification whose every message and status timestamp is older than <see cref="ReplayWindow"/> is still
    /// handed to the handler. Default <see langword="false"/>: the replay guard no longer remembers ids that old, so such
    /// a delivery cannot be told from a replayed capture; it is answered 200, logged and counted (<c>stale</c>) without
    /// calling the handler. Meta retries undelivered notifications for several days: set this (or widen the window) when
    /// an application must process deliveries that arrive after a long outage.
    /// </summary>
    public bool AcceptStaleNotifications { get; set; }

    /// <summary>How long message and status ids are remembered for replay detection. Default 24 hours.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most ids remembered for replay detection (oldest evicted first). Default 100,000.</summary>
    public int ReplayCacheSize { get; set; } = 100_000;

    /// <summary>The name of the app secret in the <see cref="ISecretProvider"/>. Default <see cref="SecretNames.AppSecret"/>.</summary>
    public string AppSecretName { get; set; } = SecretNames.AppSecret;

    /// <summary>
    /// The name of a second app secret accepted during a rotation (for example <c>AppSecretPrevious</c>), or
    /// <see langword="null"/> (the default) for none. A name the provider does not know is ignored.
    /// </summary>
    public string? PreviousAppSecretName { get; set; }

    /// <summary>The name of the verify token in the <see cref="ISecretProvider"/>. Default <see cref="SecretNames.WebhookVerifyToken"/>.</summary>
    public string VerifyTokenName { get; set; } = SecretNames.WebhookVerifyToken;
}
