using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.BlockedUsers;

/// <summary>What happened to one user of a block or unblock request.</summary>
public sealed class BlockedUserChange
{
    /// <summary>The user as the request named them (personal data).</summary>
    public string? Input { get; init; }

    /// <summary>The user's WhatsApp id (personal data).</summary>
    public string? WaId { get; init; }

    /// <summary>The Graph error code when this user failed; <see langword="null"/> when the change succeeded.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The Graph error message when this user failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>A description with the phone numbers masked.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => ErrorCode is { } code
        ? $"BlockedUserChange {PiiMasker.MaskPhoneNumber(Input)} failed ({code})"
        : $"BlockedUserChange {PiiMasker.MaskPhoneNumber(Input)} -> {PiiMasker.MaskPhoneNumber(WaId)}";
}
