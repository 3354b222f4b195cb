using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access;

/// <summary>
/// The default <see cref="IConversationAssignment"/>: every operator may reach every recipient. The access-control policy
/// logs a warning when it runs with this one, so nobody mistakes it for a conversation check.
/// </summary>
public sealed class AnyRecipientConversationAssignment : IConversationAssignment
{
    /// <summary>The shared instance.</summary>
    public static AnyRecipientConversationAssignment Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<bool> IsAssignedAsync(WhatsAppOperator @operator, string recipient, CancellationToken cancellationToken = default) => new(true);
}
