namespace SecureWa.Sdk.Http.Internal;

/// <summary>Request option keys the rate limiter and the resilience handler use to talk to each other.</summary>
internal static class ResilienceRequestOptions
{
    /// <summary>
    /// Set to <see langword="true"/> by the rate limiter while the request waits for a permit, and back to
    /// <see langword="false"/> before it goes further; a timeout while it is <see langword="true"/> means the
    /// request was never sent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> WaitingForPermit = new("SecureWa.WaitingForPermit");

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>
    /// Marks a request as not (yet) dispatched, without boxing per call: the rate limiter while it waits for a permit,
    /// the authentication handler while it waits for a secret.
    /// </summary>
    public static void SetNotYetDispatched(HttpRequestMessage request, bool value) =>
        ((IDictionary<string, object?>)request.Options)[WaitingForPermit.Key] = value ? BoxedTrue : BoxedFalse;
}
