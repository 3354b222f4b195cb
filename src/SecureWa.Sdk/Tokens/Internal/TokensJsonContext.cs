using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Tokens.Internal;

/// <summary>Source-generated JSON for the <c>debug_token</c> answer.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DebugTokenResponse))]
internal sealed partial class TokensJsonContext : JsonSerializerContext
{
}
