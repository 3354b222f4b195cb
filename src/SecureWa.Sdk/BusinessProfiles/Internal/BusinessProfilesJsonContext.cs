using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.BusinessProfiles.Internal;

/// <summary>Source-generated JSON for the business profile wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(GraphPage<BusinessProfileItemWire>))]
[JsonSerializable(typeof(GraphSuccessResponse))]
internal sealed partial class BusinessProfilesJsonContext : JsonSerializerContext
{
}
