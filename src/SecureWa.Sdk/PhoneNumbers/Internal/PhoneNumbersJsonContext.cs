using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.PhoneNumbers.Internal;

/// <summary>Source-generated JSON for the phone number wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(PhoneNumberWire))]
[JsonSerializable(typeof(GraphPage<PhoneNumberWire>))]
[JsonSerializable(typeof(GraphSuccessResponse))]
internal sealed partial class PhoneNumbersJsonContext : JsonSerializerContext
{
}
