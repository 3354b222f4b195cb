using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>Source-generated JSON for audit exports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditExportLine))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
