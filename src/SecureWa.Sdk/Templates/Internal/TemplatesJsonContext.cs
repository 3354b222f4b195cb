using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.Templates.Internal;

/// <summary>Source-generated JSON for the template wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(TemplateWire))]
[JsonSerializable(typeof(GraphPage<TemplateWire>))]
[JsonSerializable(typeof(TemplateCreateResponse))]
[JsonSerializable(typeof(GraphSuccessResponse))]
internal sealed partial class TemplatesJsonContext : JsonSerializerContext
{
}
