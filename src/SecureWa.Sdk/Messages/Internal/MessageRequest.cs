using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of <c>POST /{phone-number-id}/messages</c>: exactly one kind property is set, matching <see cref="Type"/>.</summary>
internal sealed class MessageRequest
{
    [JsonPropertyName("messaging_product")]
    public string MessagingProduct { get; set; } = "whatsapp";

    [JsonPropertyName("recipient_type")]
    public string RecipientType { get; set; } = "individual";

    [JsonPropertyName("to")]
    public string To { get; set; } = string.Empty;

    [JsonPropertyName("type")]
    public string Type { get; set; } = string.Empty;

    [JsonPropertyName("context")]
    public MessageContextDto? Context { get; set; }

    [JsonPropertyName("biz_opaque_callback_data")]
    public string? BizOpaqueCallbackData { get; set; }

    [JsonPropertyName("text")]
    public TextDto? Text { get; set; }

    [JsonPropertyName("template")]
    public TemplateDto? Template { get; set; }

    [JsonPropertyName("image")]
    public MediaObjectDto? Image { get; set; }

    [JsonPropertyName("audio")]
    public MediaObjectDto? Audio { get; set; }

    [JsonPropertyName("video")]
    public MediaObjectDto? Video { get; set; }

    [JsonPropertyName("document")]
    public MediaObjectDto? Document { get; set; }

    [JsonPropertyName("sticker")]
    public MediaObjectDto? Sticker { get; set; }

    [JsonPropertyName("location")]
    public LocationDto? Location { get; set; }

    [JsonPropertyName("contacts")]
    public List<ContactDto>? Contacts { get; set; }

    [JsonPropertyName("interactive")]
    public InteractiveDto? Interactive { get; set; }

    [JsonPropertyName("reaction")]
    public ReactionDto? Reaction { get; set; }

    /// <summary>The escape hatch: caller-supplied top-level properties, checked against the names above before sending.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of <c>context</c> (reply to a message).</summary>
internal sealed class MessageContextDto
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }
}

/// <summary>Wire shape of <c>text</c>.</summary>
internal sealed class TextDto
{
    [JsonPropertyName("preview_url")]
    public bool? PreviewUrl { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of a media object (<c>image</c>, <c>audio</c>, <c>video</c>, <c>document</c>, <c>sticker</c>), also used in headers and template parameters.</summary>
internal sealed class MediaObjectDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("link")]
    public string? Link { get; set; }

    [JsonPropertyName("caption")]
    public string? Caption { get; set; }

    [JsonPropertyName("filename")]
    public string? Filename { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of <c>location</c>.</summary>
internal sealed class LocationDto
{
    [JsonPropertyName("latitude")]
    public double Latitude { get; set; }

    [JsonPropertyName("longitude")]
    public double Longitude { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of <c>reaction</c>.</summary>
internal sealed class ReactionDto
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    // An empty string removes the reaction, so it is always written.
    [JsonPropertyName("emoji")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Emoji { get; set; } = string.Empty;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
