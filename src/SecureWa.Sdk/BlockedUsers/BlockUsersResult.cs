namespace SecureWa.Sdk.BlockedUsers;

/// <summary>The answer to a block (<c>added_users</c>) or unblock (<c>removed_users</c>) request.</summary>
public sealed class BlockUsersResult
{
    /// <summary>The users blocked (or unblocked). Empty (never <see langword="null"/>) when none.</summary>
    public IReadOnlyList<BlockedUserChange> Succeeded { get; init; } = [];

    /// <summary>The users the API could not block (or unblock), with their error (<c>failed_users</c>). Empty when none.</summary>
    public IReadOnlyList<BlockedUserChange> Failed { get; init; } = [];

    /// <summary>A description with counts only.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BlockUsersResult ({Succeeded.Count} succeeded, {Failed.Count} failed)";
}
