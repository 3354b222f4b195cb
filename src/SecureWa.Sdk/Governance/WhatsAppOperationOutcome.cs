using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Governance;

/// <summary>The end of an SDK operation, handed to <see cref="WhatsAppOperationPolicy.AfterAsync"/>.</summary>
public sealed class WhatsAppOperationOutcome
{
    internal WhatsAppOperationOutcome(WhatsAppOperationOutcomeKind kind, Exception? exception)
    {
        Kind = kind;
        Exception = exception;
        GraphErrorCode = exception switch
        {
            WhatsAppApiException api => api.ErrorCode,
            WhatsAppDeliveryUnknownException unknown => unknown.ApiError?.Code,
            _ => null,
        };
    }

    /// <summary>How the operation ended.</summary>
    public WhatsAppOperationOutcomeKind Kind { get; }

    /// <summary>The failure, when the operation failed; its message never holds a secret or a full phone number.</summary>
    public Exception? Exception { get; }

    /// <summary>The Graph error code of a failed call, when the Cloud API answered with one.</summary>
    public int? GraphErrorCode { get; }

    /// <summary>Classifies how an operation ended from its exception (<see langword="null"/>: accepted).</summary>
    internal static WhatsAppOperationOutcome From(Exception? exception) => new(exception switch
    {
        null => WhatsAppOperationOutcomeKind.Accepted,
        IWhatsAppPolicyRefusal refusal => refusal.OutcomeKind,
        WhatsAppValidationException => WhatsAppOperationOutcomeKind.RefusedByValidation,
        WhatsAppDeliveryUnknownException => WhatsAppOperationOutcomeKind.DeliveryUnknown,
        OperationCanceledException => WhatsAppOperationOutcomeKind.Cancelled,
        _ => WhatsAppOperationOutcomeKind.Failed,
    }, exception);
}
