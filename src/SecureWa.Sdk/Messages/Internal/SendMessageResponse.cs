using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of the send response.</summary>
[JsonConverter(typeof(SendMessageResponseConverter))]
internal sealed class SendMessageResponse
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("contacts")]
    public List<SendMessageResponseContact?>? Contacts { get; set; }

    [JsonPropertyName("messages")]
    public List<SendMessageResponseMessage?>? Messages { get; set; }
}

/// <summary>Wire shape of <c>contacts[]</c> in the send response.</summary>
internal sealed class SendMessageResponseContact
{
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    [JsonPropertyName("wa_id")]
    public string? WaId { get; set; }
}

/// <summary>Wire shape of <c>messages[]</c> in the send response.</summary>
internal sealed class SendMessageResponseMessage
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("message_status")]
    public string? MessageStatus { get; set; }
}
