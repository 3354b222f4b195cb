using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.WebhookSubscriptions;

/// <summary>
/// A callback URL overriding the app's default for one WhatsApp Business Account, and the verify token Meta sends to it
/// in the <c>hub.verify_token</c> handshake. The verify token is a secret: it is sent only in the JSON body and never
/// appears in logs, exception messages or <see cref="ToString"/>.
/// </summary>
/// <param name="callbackUri">The https URL Meta posts this WABA's webhooks to (at most 2,000 characters).</param>
/// <param name="verifyToken">The verify token the endpoint expects.</param>
public sealed class WebhookCallbackOverride(Uri callbackUri, SecretValue verifyToken)
{
    /// <summary>Creates an override from a plain verify token.</summary>
    /// <param name="callbackUri">The https URL Meta posts this WABA's webhooks to.</param>
    /// <param name="verifyToken">The verify token the endpoint expects.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verifyToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifyToken"/> is empty or has leading or trailing white space.</exception>
    public WebhookCallbackOverride(Uri callbackUri, string verifyToken)
        : this(callbackUri, new SecretValue(verifyToken ?? throw new ArgumentNullException(nameof(verifyToken))))
    {
    }

    /// <summary>The https URL Meta posts this WABA's webhooks to (<c>override_callback_uri</c>).</summary>
    public Uri CallbackUri { get; } = callbackUri;

    /// <summary>The verify token (<c>verify_token</c>); a secret.</summary>
    public SecretValue VerifyToken { get; } = verifyToken;

    /// <summary>A description without the verify token.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookCallbackOverride {CallbackUri?.GetLeftPart(UriPartial.Path)} (verify token redacted)";
}
