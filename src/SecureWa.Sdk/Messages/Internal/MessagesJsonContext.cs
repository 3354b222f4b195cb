using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>
/// Source-generated JSON for the Messages API wire types. Same settings as
/// <see cref="Serialization.GraphJsonContext"/>: explicit snake_case names, nulls never written.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(MarkAsReadRequest))]
[JsonSerializable(typeof(SuccessResponse))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext
{
}
