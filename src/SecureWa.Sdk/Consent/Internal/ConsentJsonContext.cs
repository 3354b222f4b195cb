using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>Source-generated JSON for consent exports.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsentRecordLine))]
internal sealed partial class ConsentJsonContext : JsonSerializerContext
{
}
