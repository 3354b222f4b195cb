using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access;

/// <summary>
/// The default <see cref="IConversationAssignment"/>: every operator may reach every recipient. When the application
/// registers no assignment check, access control logs a warning on start saying so, so nobody mistakes this for one.
/// </summary>
public sealed class AnyRecipientConversationAssignment : IConversationAssignment
{
    /// <summary>The shared instance.</summary>
    public static AnyRecipientConversationAssignment Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<bool> IsAssignedAsync(WhatsAppOperator @operator, string recipient, CancellationToken cancellationToken = default) => new(true);
}
