using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Errors;

/// <summary>
/// Access control refused the operation before any I/O: nothing was sent. The message names the operator id, the
/// permission and the roles, never a phone number.
/// </summary>
public sealed class WhatsAppAccessDeniedException : WhatsAppException, IWhatsAppPolicyRefusal
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why access was refused.</param>
    /// <param name="permission">The permission the operation requires.</param>
    /// <param name="operatorId">The operator's opaque id, when there was an operator.</param>
    /// <param name="roles">The operator's roles (empty without an operator).</param>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> or <paramref name="roles"/> is <see langword="null"/>.</exception>
    public WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason reason, string permission, string? operatorId, IReadOnlyList<string> roles)
        : base(CreateMessage(reason, permission, operatorId, roles))
    {
        Reason = reason;
        Permission = permission;
        OperatorId = operatorId;
        Roles = roles;
    }

    /// <summary>Why access was refused.</summary>
    public WhatsAppAccessDeniedReason Reason { get; }

    /// <summary>The permission the operation requires.</summary>
    public string Permission { get; }

    /// <summary>The operator's opaque id, or <see langword="null"/> when the call had none.</summary>
    public string? OperatorId { get; }

    /// <summary>The operator's roles.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Always <see langword="false"/>: the refusal came before any request.</summary>
    public bool RequestSent => false;

    /// <inheritdoc />
    public WhatsAppOperationOutcomeKind OutcomeKind => WhatsAppOperationOutcomeKind.Denied;

    private static string CreateMessage(WhatsAppAccessDeniedReason reason, string permission, string? operatorId, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentNullException.ThrowIfNull(roles);
        var roleList = roles.Count == 0 ? "none" : string.Join(", ", roles);
        return reason switch
        {
            WhatsAppAccessDeniedReason.NoOperator =>
                $"Access denied: '{permission}' was called without an operator while access control is enabled (fail closed). Nothing was sent.",
            WhatsAppAccessDeniedReason.NotAssigned =>
                $"Access denied: operator '{operatorId}' (roles: {roleList}) holds '{permission}' only for its assigned conversations, and this recipient's is not one of them. Nothing was sent.",
            _ => $"Access denied: operator '{operatorId}' (roles: {roleList}) lacks permission '{permission}'. Nothing was sent.",
        };
    }
}
