using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.QrCodes.Internal;

/// <summary>Source-generated JSON for the QR code wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(QrCodeWire))]
[JsonSerializable(typeof(GraphPage<QrCodeWire>))]
[JsonSerializable(typeof(GraphSuccessResponse))]
internal sealed partial class QrCodesJsonContext : JsonSerializerContext
{
}
