using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Serialization;

/// <summary>
/// Source-generated JSON for the shapes shared by every Graph call (errors). Each feature area has its
/// own internal context next to its wire types; all use the same settings: snake_case names given
/// explicitly, nulls never written, numbers strict.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(GraphErrorEnvelope))]
internal sealed partial class GraphJsonContext : JsonSerializerContext
{
}
