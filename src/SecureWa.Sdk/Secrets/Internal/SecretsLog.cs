using Microsoft.Extensions.Logging;

namespace SecureWa.Sdk.Secrets.Internal;

/// <summary>Log messages of the secret providers. None carries a value; reasons come from the SDK's own exceptions only.</summary>
internal static partial class SecretsLog
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Refreshing the secret '{SecretName}' failed ({ExceptionType}: {Reason}); serving the last good value (version '{Version}') until {ServeUntil:O}")]
    public static partial void RefreshFailedServingLastGood(ILogger logger, string secretName, string exceptionType, string reason, string? version, DateTimeOffset serveUntil);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "The secret '{SecretName}' rotated from version '{PreviousVersion}' to '{CurrentVersion}'")]
    public static partial void SecretRotated(ILogger logger, string secretName, string? previousVersion, string? currentVersion);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "A SecretRotated handler for '{SecretName}' threw {ExceptionType}; the rotation itself succeeded")]
    public static partial void RotationHandlerFailed(ILogger logger, string secretName, string exceptionType);

    [LoggerMessage(EventId = 404, Level = LogLevel.Debug, Message = "The secret '{SecretName}' was invalidated; the next read fetches it afresh")]
    public static partial void Invalidated(ILogger logger, string secretName);

    /// <summary>A reason safe to log: the message of the SDK's own exceptions (which never hold values), otherwise nothing.</summary>
    public static string SafeReason(Exception exception) =>
        exception is SecretProviderException ? exception.Message : "details withheld";
}
