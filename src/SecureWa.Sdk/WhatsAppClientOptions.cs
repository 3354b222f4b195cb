using System.ComponentModel.DataAnnotations;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Media;

namespace SecureWa.Sdk;

/// <summary>Settings of a <see cref="WhatsAppClient"/>. Validated when the client is built (or on start, with DI).</summary>
public sealed class WhatsAppClientOptions
{
    /// <summary>The Graph API host. Defaults to <c>https://graph.facebook.com/</c>; must be https.</summary>
    [Required]
    public Uri BaseAddress { get; set; } = new("https://graph.facebook.com/");

    /// <summary>The Graph API version, such as <c>v23.0</c> (the default).</summary>
    [Required]
    [RegularExpression(@"^v\d{1,3}\.\d{1,2}$", ErrorMessage = "ApiVersion must look like 'v23.0'.")]
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>
    /// The business phone number id messages are sent from unless a call names another. It is an id
    /// (digits), not the phone number itself.
    /// </summary>
    [RegularExpression(@"^\d{1,32}$", ErrorMessage = "PhoneNumberId must be the numeric id of the business phone number.")]
    public string? PhoneNumberId { get; set; }

    /// <summary>
    /// The WhatsApp Business Account (WABA) id that account-level calls (listing and creating flows) use unless a call
    /// names another. It is a numeric Graph id.
    /// </summary>
    [RegularExpression(@"^\d{1,32}$", ErrorMessage = "BusinessAccountId must be the numeric id of the WhatsApp Business Account.")]
    public string? BusinessAccountId { get; set; }

    /// <summary>
    /// Adds <c>appsecret_proof</c> (HMAC-SHA256 of the token keyed by the app secret) to every call.
    /// Requires the secret provider to have <see cref="Secrets.SecretNames.AppSecret"/>. Enable it, and
    /// "Require App Secret" in the Meta app, so a leaked token alone cannot call the API.
    /// </summary>
    public bool UseAppSecretProof { get; set; }

    /// <summary>TLS policy: protocols, certificate pins and trust anchors.</summary>
    [Required]
    public WhatsAppTransportOptions Transport { get; set; } = new();

    /// <summary>Client-side rate limits per business number and per recipient.</summary>
    [Required]
    public WhatsAppRateLimitOptions RateLimiting { get; set; } = new();

    /// <summary>Timeouts, retries and circuit breaking.</summary>
    [Required]
    public WhatsAppResilienceOptions Resilience { get; set; } = new();

    /// <summary>Media upload and download settings.</summary>
    [Required]
    public WhatsAppMediaOptions Media { get; set; } = new();
}
