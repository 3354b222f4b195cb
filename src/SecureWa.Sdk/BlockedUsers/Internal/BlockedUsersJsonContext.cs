using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.BlockedUsers.Internal;

/// <summary>Source-generated JSON for the block-users wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(GraphPage<BlockedUserWire>))]
[JsonSerializable(typeof(BlockUsersResponse))]
internal sealed partial class BlockedUsersJsonContext : JsonSerializerContext
{
}
