using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Media.Internal;

/// <summary>Source-generated JSON for the media wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(MediaUploadResponse))]
[JsonSerializable(typeof(MediaInfoResponse))]
[JsonSerializable(typeof(MediaDeleteResponse))]
internal sealed partial class MediaJsonContext : JsonSerializerContext
{
}
