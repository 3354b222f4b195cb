using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>Source-generated JSON for inbound webhook payloads (settings as in <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(WebhookNotification))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext
{
}
