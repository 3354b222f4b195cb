using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of the read receipt (and typing indicator) request.</summary>
internal sealed class MarkAsReadRequest
{
    [JsonPropertyName("messaging_product")]
    public string MessagingProduct { get; set; } = "whatsapp";

    [JsonPropertyName("status")]
    public string Status { get; set; } = "read";

    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("typing_indicator")]
    public TypingIndicatorDto? TypingIndicator { get; set; }
}

/// <summary>Wire shape of <c>typing_indicator</c>.</summary>
internal sealed class TypingIndicatorDto
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "text";
}

/// <summary>Wire shape of <c>{"success":true}</c>.</summary>
internal sealed class SuccessResponse
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }
}
