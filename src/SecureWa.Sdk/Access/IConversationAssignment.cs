using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access;

/// <summary>
/// Implemented by the application (its CRM or help desk knows who owns which conversation) to limit the
/// <see cref="WhatsAppAccessControlOptions.AssignmentRestrictedRoles"/> (agents) to their own conversations.
/// Register it as a singleton; it is asked before any I/O of an operation that has a recipient. Without one, the SDK's
/// default allows every recipient and says so in a warning on start.
/// </summary>
public interface IConversationAssignment
{
    /// <summary>Whether <paramref name="operator"/> may act on the conversation with <paramref name="recipient"/>.</summary>
    /// <param name="operator">Who acts.</param>
    /// <param name="recipient">The normalized recipient (E.164 digits without <c>+</c>, or a group id). Personal data: do not log it unmasked.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the conversation is assigned to the operator.</returns>
    ValueTask<bool> IsAssignedAsync(WhatsAppOperator @operator, string recipient, CancellationToken cancellationToken = default);
}
