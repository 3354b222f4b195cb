using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Access.Internal;

/// <summary>
/// Fails start when the role map names an unknown permission or role. Runs on start (<c>ValidateOnStart</c>), so it is
/// also where the SDK says, once, that no <see cref="IConversationAssignment"/> limits agents to their conversations.
/// </summary>
internal sealed partial class WhatsAppAccessControlOptionsValidator(ILogger? logger = null, bool assignmentRegistered = true) : IValidateOptions<WhatsAppAccessControlOptions>
{
    private int _warned;

    public ValidateOptionsResult Validate(string? name, WhatsAppAccessControlOptions options)
    {
        var problems = WhatsAppRoleMap.Validate(options);
        if (problems.Count > 0)
        {
            return ValidateOptionsResult.Fail(problems);
        }

        if (!assignmentRegistered && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogNoAssignment(logger ?? NullLogger.Instance);
        }

        return ValidateOptionsResult.Success;
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Access control: no IConversationAssignment is registered, so assignment-restricted roles (agents) may reach ANY recipient. Register one to limit agents to their own conversations.")]
    private static partial void LogNoAssignment(ILogger logger);
}
