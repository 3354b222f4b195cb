using System.Net;
using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>Classifies attempt outcomes (see CLOUD-API-FACTS "Errors") and decides what each operation kind may do with them.</summary>
internal static class ResilienceClassifier
{
    /// <summary>Classifies a response by its Graph error code first and its HTTP status second.</summary>
    public static FailureKind Classify(HttpStatusCode status, WhatsAppApiError? error)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return FailureKind.None;
        }

        if (error?.Code is { } graphCode)
        {
            switch (graphCode)
            {
                case 131056:
                    return FailureKind.RecipientThrottled;
                case 4 or 80007 or 130429 or 17 or 32 or 613:
                    return FailureKind.Throttled;
                case 1 or 2 or 131000 or 131016:
                    return FailureKind.Transient;
                case 100 or 131047 or 131026 or 131051 or 133010 or 368 or 190 or 0 or 10 or (>= 200 and <= 299) or 131048:
                    return FailureKind.Permanent;
            }

            if (error.IsTransient == true)
            {
                return FailureKind.Transient;
            }
        }

        return code switch
        {
            429 => FailureKind.Throttled,
            408 or >= 500 => FailureKind.Transient,
            _ => FailureKind.Permanent,
        };
    }

    /// <summary>Classifies an attempt that ended without a response.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="dispatched">Whether the request had passed the rate limiter (could have reached the wire).</param>
    public static FailureKind Classify(Exception exception, bool dispatched)
    {
        switch (exception)
        {
            case HttpRequestException when WhatsAppTransportSecurityException.TryCreate(exception) is not null:
                // A rejected certificate, a pin mismatch or a refused protocol: nothing was sent, and trying again
                // cannot heal it. Surfaced as WhatsAppTransportSecurityException by the invoker.
                return FailureKind.Permanent;
            case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }:
                return FailureKind.NotSent;
            case HttpRequestException:
                return FailureKind.Transient;
            case TimeoutRejectedException or OperationCanceledException:
                return dispatched ? FailureKind.Transient : FailureKind.NotSentTimeout;
            case IOException or SocketException:
                return FailureKind.Transient;
            case BrokenCircuitException:
            default:
                // Local failures (secret provider, rate limiter refusal, validation) and unknown exceptions.
                return FailureKind.Permanent;
        }
    }

    /// <summary>Whether the operation's request may have a message-like side effect that must not be duplicated.</summary>
    public static bool IsDuplicateSensitive(WhatsAppOperationKind operation) =>
        operation is WhatsAppOperationKind.SendMessage or WhatsAppOperationKind.UploadMedia or WhatsAppOperationKind.CreateResource;

    /// <summary>Whether an outcome of this kind may be retried for the operation.</summary>
    public static bool ShouldRetry(WhatsAppOperationKind operation, FailureKind kind, bool retryAmbiguousSends) => kind switch
    {
        FailureKind.NotSent or FailureKind.Throttled or FailureKind.RecipientThrottled => true,
        FailureKind.Transient => !IsDuplicateSensitive(operation) || retryAmbiguousSends,
        _ => false,
    };

    /// <summary>Whether an outcome of this kind counts as a server failure for the circuit breaker (not throttling, not business errors).</summary>
    public static bool IsBreakerFailure(FailureKind kind) => kind is FailureKind.NotSent or FailureKind.Transient;

    /// <summary>A low-cardinality reason for metrics and logs.</summary>
    public static string Reason(FailureKind kind, Exception? exception) => kind switch
    {
        FailureKind.NotSent => "connection_failure",
        FailureKind.NotSentTimeout => "permit_timeout",
        FailureKind.Throttled => "throttled",
        FailureKind.RecipientThrottled => "pair_rate_limit",
        FailureKind.Transient when exception is TimeoutRejectedException or OperationCanceledException => "timeout",
        FailureKind.Transient when exception is not null => "transport_error",
        FailureKind.Transient => "server_error",
        FailureKind.Permanent => "permanent",
        _ => "none",
    };

    /// <summary>Describes a fault without personal data: <c>HTTP 500</c>, <c>attempt timeout</c>, <c>ResponseEnded</c>.</summary>
    public static string DescribeFault(HttpStatusCode? status, WhatsAppApiError? error, Exception? exception)
    {
        if (exception is TimeoutRejectedException or OperationCanceledException)
        {
            return "timeout";
        }

        if (exception is HttpRequestException httpException)
        {
            return "transport error " + httpException.HttpRequestError;
        }

        if (exception is not null)
        {
            return "transport error " + exception.GetType().Name;
        }

        if (status is { } s)
        {
            return error?.Code is { } code
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTTP {(int)s}, error code {code}")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTTP {(int)s}");
        }

        return "unknown";
    }
}
