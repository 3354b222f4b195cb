using System.Text.Json.Serialization;

namespace SecureWa.Sdk.BlockedUsers.Internal;

/// <summary>An item of <c>GET /{phone-number-id}/block_users</c>: <c>{"messaging_product":"whatsapp","wa_id":"…"}</c>.</summary>
internal sealed class BlockedUserWire
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("wa_id")]
    public string? WaId { get; set; }
}

/// <summary><c>{"messaging_product":"whatsapp","block_users":{"added_users"|"removed_users":[…],"failed_users":[…]}}</c>.</summary>
internal sealed class BlockUsersResponse
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("block_users")]
    public BlockUsersOutcome? BlockUsers { get; set; }
}

internal sealed class BlockUsersOutcome
{
    [JsonPropertyName("added_users")]
    public List<BlockUserEntry?>? AddedUsers { get; set; }

    [JsonPropertyName("removed_users")]
    public List<BlockUserEntry?>? RemovedUsers { get; set; }

    [JsonPropertyName("failed_users")]
    public List<BlockUserEntry?>? FailedUsers { get; set; }
}

internal sealed class BlockUserEntry
{
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    [JsonPropertyName("wa_id")]
    public string? WaId { get; set; }

    [JsonPropertyName("errors")]
    public List<BlockUserError?>? Errors { get; set; }
}

internal sealed class BlockUserError
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
