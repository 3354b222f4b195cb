using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>
/// Metrics (under <see cref="SecureWaDiagnostics.MeterName"/>) and source-generated logs of the flow endpoint. Tags and log
/// fields are low-cardinality names only: never a flow token, a screen's data, a phone number or key material.
/// </summary>
internal static partial class FlowTelemetry
{
    private static readonly Meter Meter = new(SecureWaDiagnostics.MeterName, typeof(FlowTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Flow endpoint requests by <c>action</c> (ping, INIT, data_exchange, BACK, navigate, unknown, none) and <c>outcome</c>.</summary>
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("securewa.flows.requests", unit: "{request}", description: "WhatsApp Flows data exchange requests by action and outcome.");

    /// <summary>Time from the first body byte to the encrypted answer.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("securewa.flows.request.duration", unit: "s", description: "WhatsApp Flows data exchange request duration.");

    public static void Count(string action, string outcome) =>
        Requests.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Flow request rejected: signature {Reason}; nothing was decrypted (HTTP 432)")]
    public static partial void SignatureRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Flow request could not be decrypted: {Failure} (HTTP 421)")]
    public static partial void Undecryptable(ILogger logger, string failure);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Flow request rejected: body larger than {MaxBodySize} bytes")]
    public static partial void TooLarge(ILogger logger, int maxBodySize);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Flow request body not read within {TimeoutSeconds} s (HTTP 408)")]
    public static partial void ReadTimedOut(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Flow handler failed with {ExceptionType} for action {Action}; answering 500")]
    public static partial void HandlerFailed(ILogger logger, string exceptionType, string action);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Flow secret '{SecretName}' could not be read or used ({Problem})")]
    public static partial void SecretUnavailable(ILogger logger, string secretName, string problem);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Flow private key loaded ({KeySize}-bit RSA)")]
    public static partial void KeyLoaded(ILogger logger, int keySize);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Flow request decrypted but its JSON is not a data exchange request (HTTP 400)")]
    public static partial void MalformedRequest(ILogger logger);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information, Message = "Flow request {Action} refused: flow token {Status} (HTTP 427)")]
    public static partial void TokenRefused(ILogger logger, string action, string status);

    [LoggerMessage(EventId = 209, Level = LogLevel.Debug, Message = "Flow request {Action} answered {StatusCode}")]
    public static partial void Answered(ILogger logger, string action, int statusCode);

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "Flow app secret changed; signature verifier rebuilt with {SecretCount} secret(s)")]
    public static partial void VerifierRebuilt(ILogger logger, int secretCount);
}
