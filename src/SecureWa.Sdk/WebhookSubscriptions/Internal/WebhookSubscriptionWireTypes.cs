using System.Text.Json.Serialization;

namespace SecureWa.Sdk.WebhookSubscriptions.Internal;

/// <summary>An item of <c>GET /{waba-id}/subscribed_apps</c>: <c>{"whatsapp_business_api_data":{"id","name","link"},"override_callback_uri"?}</c>.</summary>
internal sealed class SubscribedAppWire
{
    [JsonPropertyName("whatsapp_business_api_data")]
    public SubscribedAppData? Data { get; set; }

    [JsonPropertyName("override_callback_uri")]
    public string? OverrideCallbackUri { get; set; }
}

internal sealed class SubscribedAppData
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("link")]
    public string? Link { get; set; }
}

/// <summary>The answer to a subscribe: <c>{"success":true,"data"?:[…]}</c>.</summary>
internal sealed class SubscribeResponse
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("data")]
    public List<SubscribedAppWire?>? Data { get; set; }
}
