using System.Text.Encodings.Web;
using System.Text.Json;
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
    /// <summary>
    /// The context requests are written with: the generated metadata, plus an encoder that writes '+' and
    /// non-ASCII text as is (the default escapes them as \uXXXX, which is valid but larger and unlike the
    /// documented bodies). The body is sent to an API, never embedded in HTML, so HTML-sensitive characters
    /// need no escaping; quotes, backslashes and control characters are still escaped.
    /// </summary>
    public static MessagesJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
