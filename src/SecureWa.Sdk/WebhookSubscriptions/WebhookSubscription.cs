namespace SecureWa.Sdk.WebhookSubscriptions;

/// <summary>An app subscribed to a WhatsApp Business Account's webhooks (an item of <c>GET /{waba-id}/subscribed_apps</c>).</summary>
public sealed class WebhookSubscription
{
    /// <summary>The app id (<c>whatsapp_business_api_data.id</c>).</summary>
    public string? AppId { get; init; }

    /// <summary>The app name.</summary>
    public string? AppName { get; init; }

    /// <summary>The app's link.</summary>
    public Uri? Link { get; init; }

    /// <summary>The callback URL overriding the app's default for this WABA (<c>override_callback_uri</c>), when set.</summary>
    public Uri? OverrideCallbackUri { get; init; }

    /// <summary>A description: the app id and name.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookSubscription {AppId} {AppName}";
}
