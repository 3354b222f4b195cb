using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>Metrics (under <see cref="SecureWaDiagnostics.MeterName"/>) and source-generated logs of the webhook endpoint.</summary>
internal static partial class WebhookTelemetry
{
    private static readonly Meter Meter = new(SecureWaDiagnostics.MeterName, typeof(WebhookTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Webhook POSTs by outcome: accepted, replay, signature_rejected, malformed, too_large, body_timeout, stale, handler_failed.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("securewa.webhooks.requests", unit: "{request}", description: "Webhook POST requests by outcome.");

    /// <summary>Webhook POSTs whose signature was rejected, by reason: missing_header, malformed_header, mismatch.</summary>
    public static readonly Counter<long> SignatureRejected = Meter.CreateCounter<long>("securewa.webhooks.signature_rejected", unit: "{request}", description: "Webhook POST requests rejected because the X-Hub-Signature-256 signature did not verify.");

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Webhook POST rejected: signature {Reason}; the body was not parsed")]
    public static partial void SignatureRejectedLog(ILogger logger, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Webhook POST rejected: body larger than {MaxBodySize} bytes")]
    public static partial void TooLarge(ILogger logger, int maxBodySize);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Webhook POST rejected: body not received within {TimeoutSeconds} s ({BytesReceived} bytes arrived)")]
    public static partial void BodyTimeout(ILogger logger, double timeoutSeconds, int bytesReceived);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "Webhook POST dropped: every item is older than the {WindowHours} h replay window (a late redelivery or a replayed capture); handler not called")]
    public static partial void Stale(ILogger logger, double windowHours);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Webhook POST rejected: {Error} ({ExceptionMessage})")]
    public static partial void Malformed(ILogger logger, string error, string exceptionMessage);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Webhook POST is a redelivery; handler not called")]
    public static partial void Replay(ILogger logger);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Webhook handler failed with {ExceptionType}; answering 500 so Meta retries")]
    public static partial void HandlerFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Webhook handshake refused: {Status}")]
    public static partial void HandshakeRefused(ILogger logger, string status);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Webhook secret '{SecretName}' could not be read ({ExceptionType})")]
    public static partial void SecretUnavailable(ILogger logger, string secretName, string exceptionType);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Webhook app secret changed; signature verifier rebuilt with {SecretCount} secret(s)")]
    public static partial void VerifierRebuilt(ILogger logger, int secretCount);
}
