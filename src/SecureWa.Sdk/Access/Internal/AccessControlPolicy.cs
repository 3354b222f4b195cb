using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access.Internal;

/// <summary>
/// The authorize step of the operation pipeline: an operator must be known (fail closed), one of its roles must grant
/// the permission, and a role limited to assigned conversations must have this recipient's. Runs before any I/O.
/// </summary>
internal sealed partial class AccessControlPolicy : WhatsAppOperationPolicy
{
    private readonly WhatsAppRoleMap _map;
    private readonly IConversationAssignment _assignment;
    private readonly ILogger _logger;

    public AccessControlPolicy(WhatsAppRoleMap map, IConversationAssignment? assignment, ILogger logger)
    {
        _map = map;
        _assignment = assignment ?? AnyRecipientConversationAssignment.Instance;
        _logger = logger;
    }

    public override int Order => WhatsAppOperationPolicyOrder.Authorize;

    public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
    {
        var @operator = context.Operator;
        if (@operator is null)
        {
            LogDenied(_logger, "(none)", context.Permission, WhatsAppAccessDeniedReason.NoOperator);
            throw new WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason.NoOperator, context.Permission, null, []);
        }

        switch (_map.Evaluate(@operator.Roles, context.Permission))
        {
            case WhatsAppRoleMap.Grant.Unrestricted:
                return default;
            case WhatsAppRoleMap.Grant.AssignedConversationsOnly when context.Recipient is null:
                // Nothing conversation-bound (a media upload, a read receipt by message id): the role's permission suffices.
                return default;
            case WhatsAppRoleMap.Grant.AssignedConversationsOnly:
                return CheckAssignmentAsync(context, @operator, context.Recipient, cancellationToken);
            default:
                LogDenied(_logger, @operator.Id, context.Permission, WhatsAppAccessDeniedReason.PermissionNotGranted);
                throw new WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason.PermissionNotGranted, context.Permission, @operator.Id, @operator.Roles);
        }
    }

    private async ValueTask CheckAssignmentAsync(WhatsAppOperationContext context, WhatsAppOperator @operator, string recipient, CancellationToken cancellationToken)
    {
        if (!await _assignment.IsAssignedAsync(@operator, recipient, cancellationToken).ConfigureAwait(false))
        {
            LogDenied(_logger, @operator.Id, context.Permission, WhatsAppAccessDeniedReason.NotAssigned);
            throw new WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason.NotAssigned, context.Permission, @operator.Id, @operator.Roles);
        }
    }

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "Access denied to {OperatorId} for {Permission}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string operatorId, string permission, WhatsAppAccessDeniedReason reason);
}
