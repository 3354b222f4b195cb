using System.Net;

namespace SecureWa.Sdk.Errors.Internal;

/// <summary>Maps Graph error codes to categories and retry classes (see CLOUD-API-FACTS "Errors").</summary>
internal static class GraphErrorClassifier
{
    /// <summary>Graph codes that mean "throttled, back off and retry".</summary>
    public static bool IsThrottlingCode(int code) => code is 4 or 80007 or 130429 or 131056 or 131048 or 17 or 32 or 613;

    /// <summary>Graph codes that mean Meta's side failed transiently (for idempotent calls).</summary>
    public static bool IsTransientServerCode(int code) => code is 1 or 2 or 131000 or 131016;

    /// <summary>Graph codes that mean the token is bad or expired.</summary>
    public static bool IsTokenCode(int code) => code is 0 or 190;

    public static WhatsAppErrorCategory Categorize(HttpStatusCode status, int? code)
    {
        if (code is { } c)
        {
            switch (c)
            {
                case 0 or 190 or 10 or (>= 200 and <= 299):
                    return WhatsAppErrorCategory.Authentication;
                case 131047:
                    return WhatsAppErrorCategory.OutsideCustomerServiceWindow;
                case 131026 or 131051 or 133010 or 131021:
                    return WhatsAppErrorCategory.RecipientUnavailable;
                case 368 or 131031 or 130497:
                    return WhatsAppErrorCategory.PolicyBlock;
                case 100 or 131008 or 131009 or 132000 or 132001 or 132012 or 135000 or 131053:
                    return WhatsAppErrorCategory.InvalidRequest;
                case 1 or 2 or 131000 or 131016:
                    return WhatsAppErrorCategory.Server;
            }

            if (IsThrottlingCode(c))
            {
                return WhatsAppErrorCategory.Throttling;
            }
        }

        return (int)status switch
        {
            429 => WhatsAppErrorCategory.Throttling,
            401 or 403 => WhatsAppErrorCategory.Authentication,
            >= 500 => WhatsAppErrorCategory.Server,
            400 or 404 or 422 => WhatsAppErrorCategory.InvalidRequest,
            _ => WhatsAppErrorCategory.Unknown,
        };
    }

    /// <summary>Creates the exception type callers branch on for an error.</summary>
    public static WhatsAppApiException CreateException(WhatsAppApiError error) => error.Category switch
    {
        WhatsAppErrorCategory.Throttling => new WhatsAppThrottlingException(error),
        WhatsAppErrorCategory.Authentication => new WhatsAppAuthenticationException(error),
        _ => new WhatsAppApiException(error),
    };
}
