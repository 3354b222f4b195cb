using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>Source-generated JSON for the Flows API wire types.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(FlowDto))]
[JsonSerializable(typeof(FlowListResponse))]
[JsonSerializable(typeof(FlowCreateResponse))]
[JsonSerializable(typeof(FlowSuccessResponse))]
[JsonSerializable(typeof(BusinessEncryptionResponse))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class FlowsJsonContext : JsonSerializerContext
{
}
