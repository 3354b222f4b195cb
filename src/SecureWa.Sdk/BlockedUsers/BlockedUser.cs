using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.BlockedUsers;

/// <summary>A WhatsApp user the business phone number has blocked (an item of <c>GET /{phone-number-id}/block_users</c>).</summary>
public sealed class BlockedUser
{
    /// <summary>The user's WhatsApp id (personal data: their phone number's digits).</summary>
    public string? WaId { get; init; }

    /// <summary>A description with the WhatsApp id masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BlockedUser {PiiMasker.MaskPhoneNumber(WaId)}";
}
